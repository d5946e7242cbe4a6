package dev.mgnagent.testkit.mgn.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.mgn.model.DescribeLaunchConfigurationTemplatesResponse;
import software.amazon.awssdk.services.mgn.model.LaunchConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationTemplate;

/**
 * The template operations as MGN's model describes them
 * (https://github.com/boto/botocore/blob/develop/botocore/data/mgn/2020-02-26/service-2.json):
 * {@code CreateReplicationConfigurationTemplate} (201; eleven required members), {@code
 * UpdateReplicationConfigurationTemplate} (200; only the ID required; 404 for an unknown ID),
 * {@code CreateLaunchConfigurationTemplate} (201; no required member) and {@code
 * DescribeLaunchConfigurationTemplates} (200, paged). Members are checked against their model
 * types, enums, lengths and patterns; a failure is a {@code ValidationException} with reason {@code
 * fieldValidationFailed} naming the member.
 */
final class TemplateOperations {
  static final Pattern LAUNCH_TEMPLATE_ID = Pattern.compile("^lct-[0-9a-zA-Z]{17}$");
  private static final Pattern SUBNET = Pattern.compile("^subnet-[0-9a-fA-F]{8,}$");
  private static final Pattern SECURITY_GROUP = Pattern.compile("^sg-[0-9a-fA-F]{8,}$");
  private static final Pattern KMS_ARN =
      Pattern.compile("^arn:[\\w-]+:[\\w-]+:([a-zA-Z0-9-]+)?:(\\d{12})?:(.+)$");
  private static final String[] REPLICATION_REQUIRED = {
    "associateDefaultSecurityGroup",
    "bandwidthThrottling",
    "createPublicIP",
    "dataPlaneRouting",
    "defaultLargeStagingDiskType",
    "ebsEncryption",
    "replicationServerInstanceType",
    "replicationServersSecurityGroupsIDs",
    "stagingAreaSubnetId",
    "stagingAreaTags",
    "useDedicatedReplicationServer"
  };

  private final MgnState state;

  TemplateOperations(MgnState state) {
    this.state = state;
  }

  /** {@code POST /CreateReplicationConfigurationTemplate}: 201 and the template. */
  Reply createReplication(Call call) {
    ObjectNode body = call.body();
    for (String name : REPLICATION_REQUIRED) {
      JsonNode node = body.get(name);
      if (node == null || node.isNull()) {
        throw MgnError.invalidField(name, "null", "Member must not be null");
      }
    }
    String id = Ids.resourceId("rct-");
    ReplicationConfigurationTemplate.Builder b =
        ReplicationConfigurationTemplate.builder()
            .replicationConfigurationTemplateID(id)
            .arn(
                "arn:aws:mgn:"
                    + state.region()
                    + ":"
                    + state.accountId()
                    + ":replication-configuration-template/"
                    + id)
            .useFipsEndpoint(false)
            .tags(Map.of());
    applyReplication(body, b);
    ReplicationConfigurationTemplate t = b.build();
    state.putTemplate(t);
    return new Reply(201, WireJson.toJson(t));
  }

  /** {@code POST /UpdateReplicationConfigurationTemplate}: the members given replace the old. */
  Reply updateReplication(Call call) {
    ObjectNode body = call.body();
    JsonNode idNode = body.get("replicationConfigurationTemplateID");
    if (idNode == null || idNode.isNull()) {
      throw MgnError.invalidField(
          "replicationConfigurationTemplateID", "null", "Member must not be null");
    }
    String id = idNode.asText();
    if (!Fields.TEMPLATE_ID.matcher(id).matches()) {
      throw MgnError.invalidField(
          "replicationConfigurationTemplateID",
          id,
          "Member must satisfy regular expression pattern: " + Fields.TEMPLATE_ID.pattern());
    }
    ReplicationConfigurationTemplate old =
        state.templates().stream()
            .filter(t -> t.replicationConfigurationTemplateID().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    MgnError.notFound(
                        "REPLICATION_CONFIGURATION_TEMPLATE",
                        id,
                        "Replication configuration template not found: " + id));
    ReplicationConfigurationTemplate.Builder b = old.toBuilder();
    applyReplication(body, b);
    ReplicationConfigurationTemplate t = b.build();
    state.putTemplate(t);
    return Reply.json(WireJson.toJson(t));
  }

  private static void applyReplication(
      ObjectNode body, ReplicationConfigurationTemplate.Builder b) {
    Boolean v;
    if ((v = bool(body, "associateDefaultSecurityGroup")) != null) {
      b.associateDefaultSecurityGroup(v);
    }
    Long throttle = longIn(body, "bandwidthThrottling", 0, 10000);
    if (throttle != null) {
      b.bandwidthThrottling(throttle);
    }
    if ((v = bool(body, "createPublicIP")) != null) {
      b.createPublicIP(v);
    }
    String s;
    if ((s = oneOf(body, "dataPlaneRouting", "PRIVATE_IP", "PUBLIC_IP")) != null) {
      b.dataPlaneRouting(s);
    }
    if ((s = oneOf(body, "defaultLargeStagingDiskType", "GP2", "ST1", "GP3")) != null) {
      b.defaultLargeStagingDiskType(s);
    }
    if ((s = oneOf(body, "ebsEncryption", "DEFAULT", "CUSTOM")) != null) {
      b.ebsEncryption(s);
    }
    if ((s = string(body, "ebsEncryptionKeyArn", 20, 2048, KMS_ARN)) != null) {
      b.ebsEncryptionKeyArn(s);
    }
    if ((s = string(body, "replicationServerInstanceType", 0, 255, null)) != null) {
      b.replicationServerInstanceType(s);
    }
    List<String> groups =
        Fields.strings(
            body,
            "replicationServersSecurityGroupsIDs",
            "replicationServersSecurityGroupsIDs",
            32,
            SECURITY_GROUP);
    if (groups != null) {
      b.replicationServersSecurityGroupsIDs(groups);
    }
    if ((s = string(body, "stagingAreaSubnetId", 0, 255, SUBNET)) != null) {
      b.stagingAreaSubnetId(s);
    }
    Map<String, String> tags = map(body, "stagingAreaTags");
    if (tags != null) {
      b.stagingAreaTags(tags);
    }
    if ((v = bool(body, "useDedicatedReplicationServer")) != null) {
      b.useDedicatedReplicationServer(v);
    }
    if ((v = bool(body, "useFipsEndpoint")) != null) {
      b.useFipsEndpoint(v);
    }
    Map<String, String> resourceTags = map(body, "tags");
    if (resourceTags != null) {
      b.tags(resourceTags);
    }
  }

  /** {@code POST /CreateLaunchConfigurationTemplate}: 201; every member optional. */
  Reply createLaunch(Call call) {
    ObjectNode body = call.body();
    LaunchConfigurationTemplate.Builder b =
        defaultLaunchTemplate(state.region(), state.accountId()).toBuilder();
    Boolean v;
    if ((v = bool(body, "associatePublicIpAddress")) != null) {
      b.associatePublicIpAddress(v);
    }
    String s;
    if ((s = oneOf(body, "bootMode", "LEGACY_BIOS", "UEFI", "USE_SOURCE")) != null) {
      b.bootMode(s);
    }
    if ((v = bool(body, "copyPrivateIp")) != null) {
      b.copyPrivateIp(v);
    }
    if ((v = bool(body, "copyTags")) != null) {
      b.copyTags(v);
    }
    if ((v = bool(body, "enableMapAutoTagging")) != null) {
      b.enableMapAutoTagging(v);
    }
    if ((s = oneOf(body, "launchDisposition", "STOPPED", "STARTED")) != null) {
      b.launchDisposition(s);
    }
    JsonNode licensing = body.get("licensing");
    if (licensing != null && !licensing.isNull()) {
      if (!licensing.isObject()) {
        throw MgnError.cannotParse("licensing must be an object.");
      }
      Boolean byol = bool((ObjectNode) licensing, "osByol");
      b.licensing(l -> l.osByol(byol));
    }
    if ((s = string(body, "mapAutoTaggingMpeID", 0, 256, null)) != null) {
      b.mapAutoTaggingMpeID(s);
    }
    Long max = longIn(body, "smallVolumeMaxSize", 0, Long.MAX_VALUE);
    if (max != null) {
      b.smallVolumeMaxSize(max);
    }
    if ((s = oneOf(body, "targetInstanceTypeRightSizingMethod", "NONE", "BASIC")) != null) {
      b.targetInstanceTypeRightSizingMethod(s);
    }
    Map<String, String> tags = map(body, "tags");
    if (tags != null) {
      b.tags(tags);
    }
    LaunchConfigurationTemplate t = b.build();
    state.putLaunchTemplate(t);
    return new Reply(201, WireJson.toJson(t));
  }

  /** {@code POST /DescribeLaunchConfigurationTemplates}: by ID (at most 200), paged. */
  Reply describeLaunch(Call call) {
    int maxResults = Fields.maxResults(call.body(), 1000);
    List<String> ids =
        Fields.strings(
            call.body(),
            "launchConfigurationTemplateIDs",
            "launchConfigurationTemplateIDs",
            200,
            LAUNCH_TEMPLATE_ID);
    Set<String> wanted = ids == null || ids.isEmpty() ? null : new HashSet<>(ids);
    List<LaunchConfigurationTemplate> matching = new ArrayList<>();
    for (LaunchConfigurationTemplate t : state.launchTemplates()) {
      if (wanted == null || wanted.contains(t.launchConfigurationTemplateID())) {
        matching.add(t);
      }
    }
    ServiceOperations.refuseUnknown(
        state,
        ids,
        matching.stream().map(LaunchConfigurationTemplate::launchConfigurationTemplateID),
        "LAUNCH_CONFIGURATION_TEMPLATE",
        "Launch configuration template");
    Fields.Page<LaunchConfigurationTemplate> page = Fields.page(matching, call.body(), maxResults);
    return Reply.json(
        WireJson.toJson(
            DescribeLaunchConfigurationTemplatesResponse.builder()
                .items(page.items())
                .nextToken(page.nextToken())
                .build()));
  }

  /**
   * A launch configuration template as MGN fills one in when the request sets nothing: the
   * documented defaults (gp3 volumes are MGN's choice at launch, Linux BYOL) and, where the default
   * is not documented, the fake's choice (STOPPED, BASIC right-sizing, USE_SOURCE).
   */
  static LaunchConfigurationTemplate defaultLaunchTemplate(String region, String accountId) {
    String id = Ids.resourceId("lct-");
    return LaunchConfigurationTemplate.builder()
        .launchConfigurationTemplateID(id)
        .arn("arn:aws:mgn:" + region + ":" + accountId + ":launch-configuration-template/" + id)
        .ec2LaunchTemplateID(Ids.resourceId("lt-"))
        .associatePublicIpAddress(false)
        .bootMode("USE_SOURCE")
        .copyPrivateIp(false)
        .copyTags(false)
        .enableMapAutoTagging(false)
        .launchDisposition("STOPPED")
        .licensing(l -> l.osByol(true))
        .smallVolumeMaxSize(0L)
        .targetInstanceTypeRightSizingMethod("BASIC")
        .tags(Map.of())
        .build();
  }

  private static Boolean bool(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      throw MgnError.cannotParse(name + " must be a boolean.");
    }
    return node.asBoolean();
  }

  private static Long longIn(ObjectNode body, String name, long min, long max) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber()) {
      throw MgnError.cannotParse(name + " must be an integer.");
    }
    long n = node.asLong();
    if (n < min) {
      throw MgnError.invalidField(
          name, n, "Member must have value greater than or equal to " + min);
    }
    if (n > max) {
      throw MgnError.invalidField(name, n, "Member must have value less than or equal to " + max);
    }
    return n;
  }

  private static String string(ObjectNode body, String name, int min, int max, Pattern pattern) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw MgnError.cannotParse(name + " must be a string.");
    }
    String s = node.asText();
    if (s.length() < min) {
      throw MgnError.invalidField(
          name, s, "Member must have length greater than or equal to " + min);
    }
    if (s.length() > max) {
      throw MgnError.invalidField(name, s, "Member must have length less than or equal to " + max);
    }
    if (pattern != null && !pattern.matcher(s).matches()) {
      throw MgnError.invalidField(
          name, s, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }
    return s;
  }

  private static String oneOf(ObjectNode body, String name, String... values) {
    String s = string(body, name, 0, Integer.MAX_VALUE, null);
    if (s != null && !List.of(values).contains(s)) {
      throw MgnError.invalidField(
          name, s, "Member must satisfy enum value set: " + List.of(values));
    }
    return s;
  }

  private static Map<String, String> map(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw MgnError.cannotParse(name + " must be an object.");
    }
    if (node.size() > 50) {
      throw MgnError.invalidField(
          name, node.size() + " entries", "Member must have length less than or equal to 50");
    }
    Map<String, String> out = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isTextual()) {
                throw MgnError.cannotParse(name + " must map strings to strings.");
              }
              if (e.getKey().length() > 256 || e.getValue().asText().length() > 256) {
                throw MgnError.invalidField(
                    name,
                    "(an entry)",
                    "Member's keys and values must have length less than or equal to 256");
              }
              out.put(e.getKey(), e.getValue().asText());
            });
    return out;
  }
}
