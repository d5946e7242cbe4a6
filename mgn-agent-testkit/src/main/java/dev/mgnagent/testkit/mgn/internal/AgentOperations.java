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
    JsonNode disks = body.get("disks");
    if (disks != null && !disks.isNull()) {
      if (!disks.isArray()) {
        throw MgnError.cannotParse("disks must be a list of objects.");
      }
      for (JsonNode disk : disks) {
        String name = requiredText(disk, "deviceName");
        JsonNode bytes = disk.get("bytes");
        if (bytes == null || !bytes.isIntegralNumber() || bytes.asLong() < 0) {
          throw MgnError.invalidField("disks.bytes", bytes, "Member must be a non-negative"
              + " integer");
        }
        if (!name.startsWith("/dev/")) {
          throw MgnError.invalidField("disks.deviceName", name, "Member must be a full device"
              + " path such as /dev/vda");
        }
        b.disk(name, bytes.asLong());
      }
    }
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
    return b.build();
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
