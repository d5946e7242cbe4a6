package dev.mgnagent.testkit.mgn.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgnagent.testkit.mgn.AgentRegistration;
import dev.mgnagent.testkit.mgn.RegistrationResult;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code POST /fake-agent/RegisterAgentForMgn}: the fake's own registration endpoint for the fake
 * installer. The real agent API is private; this contract belongs to the fake alone.
 */
final class AgentOperations {
  private final MgnState state;

  AgentOperations(MgnState state) {
    this.state = state;
  }

  /** Registers (or re-registers) an agent; answers {@code {"sourceServerID":..,"created":..}}. */
  public Reply register(Call call) {
    AgentRegistration registration = parse(call.body());
    boolean mayTag = call.principal().isAllowed("mgn:TagResource", "RegisterAgentForMgn");
    RegistrationResult result = state.register(registration, mayTag, call.principal().arn());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("sourceServerID", result.sourceServerId());
    out.put("created", result.created());
    return Reply.json(out);
  }

  /**
   * The installer's first call: the credentials are valid and may fetch the installation assets
   * (signature checks and {@code mgn:GetAgentInstallationAssetsForMgn} come before).
   */
  public Reply assets(Call call) {
    return Reply.json(JsonNodeFactory.instance.objectNode());
  }

  static AgentRegistration parse(ObjectNode body) {
    AgentRegistration.Builder b = AgentRegistration.builder();
    b.hostname(requiredText(body, "hostname"));
    b.fqdn(optionalText(body, "fqdn"));
    JsonNode macs = body.get("macAddresses");
    if (macs != null && !macs.isNull()) {
      if (!macs.isArray()) {
        throw MgnError.cannotParse("macAddresses must be a list of strings.");
      }
      for (JsonNode mac : macs) {
        if (!mac.isTextual()) {
          throw MgnError.cannotParse("macAddresses must be a list of strings.");
        }
        b.macAddress(mac.asText());
      }
    }
    disks(body, "disks", b::disk);
    disks(body, "hostDisks", b::hostDisk);
    JsonNode tags = body.get("tags");

    if (tags != null && !tags.isNull()) {
      if (!tags.isObject()) {
        throw MgnError.cannotParse("tags must be an object of strings.");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> tag = it.next();
        if (!tag.getValue().isTextual()) {
          throw MgnError.cannotParse("tags must be an object of strings.");
        }
        b.tag(tag.getKey(), tag.getValue().asText());
      }
    }
    b.userProvidedId(optionalText(body, "userProvidedID"));
    String os = optionalText(body, "os");
    if (os != null) {
      b.os(os);
    }
    JsonNode cpus = body.get("cpus");
    if (cpus != null && !cpus.isNull()) {
      if (!cpus.isIntegralNumber() || cpus.asInt() < 1) {
        throw MgnError.invalidField("cpus", cpus, "Member must be a positive integer");
      }
      b.cpus(cpus.asInt());
    }
    JsonNode ram = body.get("ramBytes");
    if (ram != null && !ram.isNull()) {
      if (!ram.isIntegralNumber() || ram.asLong() < 0) {
        throw MgnError.invalidField("ramBytes", ram, "Member must be a non-negative integer");
      }
      b.ramBytes(ram.asLong());
    }
    JsonNode noReplication = body.get("noReplication");
    if (noReplication != null && !noReplication.isNull()) {
      if (!noReplication.isBoolean()) {
        throw MgnError.cannotParse("noReplication must be a boolean.");
      }
      b.noReplication(noReplication.asBoolean());
    }
    String bootDisk = optionalText(body, "bootDisk");
    if (bootDisk != null) {
      boolean replicated = false;
      for (JsonNode d : body.path("disks")) {
        replicated |= bootDisk.equals(d.path("deviceName").asText());
      }
      if (!replicated) {
        throw MgnError.invalidField(
            "bootDisk", bootDisk, "Member must be the deviceName of one of the disks");
      }
      b.bootDisk(bootDisk);
    }
    AgentRegistration registration = b.build();
    validate(registration);
    return registration;
  }

  private static void disks(
      ObjectNode body, String field, java.util.function.BiConsumer<String, Long> add) {
    JsonNode disks = body.get(field);
    if (disks != null && !disks.isNull()) {
      if (!disks.isArray()) {
        throw MgnError.cannotParse(field + " must be a list of objects.");
      }
      for (JsonNode disk : disks) {
        String name = requiredText(disk, "deviceName");
        JsonNode bytes = disk.get("bytes");
        if (bytes == null || !bytes.isIntegralNumber() || bytes.asLong() < 0) {
          throw MgnError.invalidField(
              field + ".bytes", bytes, "Member must be a non-negative" + " integer");
        }
        if (!name.startsWith("/dev/")) {
          throw MgnError.invalidField(
              field + ".deviceName",
              name,
              "Member must be a full device" + " path such as /dev/vda");
        }
        add.accept(name, bytes.asLong());
      }
    }
  }

  /** MGN's TagsMap and userProvidedID rules, as a ValidationException. */
  private static void validate(AgentRegistration r) {
    if (r.tags().size() > 50) {
      throw MgnError.invalidField("tags", r.tags().size(), "Member must have at most 50 entries");
    }
    for (Map.Entry<String, String> tag : r.tags().entrySet()) {
      if (tag.getKey().isEmpty()
          || tag.getKey().length() > 256
          || tag.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
        throw MgnError.invalidField(
            "tags",
            tag.getKey(),
            "Member keys must have length between" + " 1 and 256 and must not start with aws:");
      }
      if (tag.getValue().length() > 256) {
        throw MgnError.invalidField(
            "tags", tag.getKey(), "Member values must have length less" + " than or equal to 256");
      }
    }
    String id = r.userProvidedId();
    if (id != null
        && (id.isEmpty() || id.length() > 256 || !id.matches("[^\\s\\x00]( *[^\\s\\x00])*"))) {
      throw MgnError.invalidField(
          "userProvidedID",
          id,
          "Member must satisfy regular expression"
              + " pattern: ^[^\\s\\x00]( *[^\\s\\x00])*$ and have length between 1 and 256");
    }
  }

  private static String requiredText(JsonNode parent, String name) {
    String value = optionalText(parent, name);
    if (value == null || value.isBlank()) {
      throw MgnError.invalidField(name, "null", "Member must not be null");
    }
    return value;
  }

  private static String optionalText(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw MgnError.cannotParse(name + " must be a string.");
    }
    return node.asText();
  }
}
