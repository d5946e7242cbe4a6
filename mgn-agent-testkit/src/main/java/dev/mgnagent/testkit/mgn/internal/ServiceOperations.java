package dev.mgnagent.testkit.mgn.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfoReplicatedDisk;
import software.amazon.awssdk.services.mgn.model.DescribeReplicationConfigurationTemplatesResponse;
import software.amazon.awssdk.services.mgn.model.GetReplicationConfigurationResponse;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationReplicatedDisk;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationReplicatedDiskStagingDiskType;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * {@code InitializeService}, {@code DescribeReplicationConfigurationTemplates} and {@code
 * GetReplicationConfiguration}.
 */
final class ServiceOperations {
  private final MgnState state;

  public ServiceOperations(MgnState state) {
    this.state = state;
  }

  /** {@code POST /InitializeService}: 204, idempotent; creates no template (as the real one). */
  public Reply initialize(Call call) {
    state.initializeService();
    return Reply.empty(204);
  }

  /** {@code POST /DescribeReplicationConfigurationTemplates}. */
  public Reply describeTemplates(Call call) {
    int maxResults = Fields.maxResults(call.body(), 1000);
    List<String> ids =
        Fields.strings(
            call.body(),
            "replicationConfigurationTemplateIDs",
            "replicationConfigurationTemplateIDs",
            200,
            Fields.TEMPLATE_ID);
    Set<String> wanted = ids == null || ids.isEmpty() ? null : new HashSet<>(ids);
    List<ReplicationConfigurationTemplate> matching = new ArrayList<>();
    for (ReplicationConfigurationTemplate t : state.templates()) {
      if (wanted == null || wanted.contains(t.replicationConfigurationTemplateID())) {
        matching.add(t);
      }
    }
    refuseUnknown(
        state,
        ids,
        matching.stream().map(ReplicationConfigurationTemplate::replicationConfigurationTemplateID),
        MgnState.TEMPLATE,
        "Replication configuration template");
    Fields.Page<ReplicationConfigurationTemplate> page =
        Fields.page(matching, call.body(), maxResults);
    return Reply.json(
        WireJson.toJson(
            DescribeReplicationConfigurationTemplatesResponse.builder()
                .items(page.items())
                .nextToken(page.nextToken())
                .build()));
  }

  /**
   * The model declares {@code ResourceNotFoundException} for the Describe*Templates operations
   * (https://github.com/boto/botocore/blob/develop/botocore/data/mgn/2020-02-26/service-2.json): an
   * ID that names no template gets it, naming the first such ID. Whether real MGN answers so or
   * leaves the ID out is not documented; {@code FakeMgn.Builder#unknownTemplateIds} chooses.
   */
  static void refuseUnknown(
      MgnState state,
      List<String> asked,
      java.util.stream.Stream<String> found,
      String resourceType,
      String what) {
    if (asked == null || asked.isEmpty() || !state.unknownTemplateIdsNotFound()) {
      return;
    }
    Set<String> known = found.collect(java.util.stream.Collectors.toSet());
    for (String id : asked) {
      if (!known.contains(id)) {
        throw MgnError.notFound(resourceType, id, what + " not found: " + id);
      }
    }
  }

  /**
   * {@code POST /GetReplicationConfiguration}: the default template applied to the server; {@code
   * isBootDisk} on the disk its agent (or the test) named as the boot disk, the first disk when
   * none was named.
   */
  public Reply replicationConfiguration(Call call) {
    String id = Fields.sourceServerId(call.body());
    SourceServer server =
        state
            .server(id)
            .orElseThrow(
                () ->
                    MgnError.notFound(
                        MgnState.SOURCE_SERVER, id, "Source server not found: " + id));
    List<ReplicationConfigurationTemplate> templates = state.templates();
    ReplicationConfigurationTemplate t =
        templates.isEmpty()
            ? ServerModels.defaultTemplate(state.region(), state.accountId())
            : templates.get(0);
    List<ReplicationConfigurationReplicatedDisk> disks = new ArrayList<>();
    // the disk the agent said the host boots from, whatever its place in the list
    String boot = state.bootDisk(id).orElse(null);
    boolean first = true;
    List<DataReplicationInfoReplicatedDisk> replicated =
        server.dataReplicationInfo() == null
            ? List.of()
            : server.dataReplicationInfo().replicatedDisks();
    for (DataReplicationInfoReplicatedDisk d : replicated) {
      disks.add(
          ReplicationConfigurationReplicatedDisk.builder()
              .deviceName(d.deviceName())
              .isBootDisk(boot != null ? boot.equals(d.deviceName()) : first)
              .stagingDiskType(ReplicationConfigurationReplicatedDiskStagingDiskType.AUTO)
              .iops(0L)
              .throughput(0L)
              .build());
      first = false;
    }
    GetReplicationConfigurationResponse response =
        GetReplicationConfigurationResponse.builder()
            .sourceServerID(id)
            .name(server.sourceProperties().identificationHints().hostname())
            .associateDefaultSecurityGroup(t.associateDefaultSecurityGroup())
            .bandwidthThrottling(t.bandwidthThrottling())
            .createPublicIP(t.createPublicIP())
            .dataPlaneRouting(t.dataPlaneRoutingAsString())
            .defaultLargeStagingDiskType(t.defaultLargeStagingDiskTypeAsString())
            .ebsEncryption(t.ebsEncryptionAsString())
            .replicationServerInstanceType(t.replicationServerInstanceType())
            .replicationServersSecurityGroupsIDs(t.replicationServersSecurityGroupsIDs())
            .stagingAreaSubnetId(t.stagingAreaSubnetId())
            .stagingAreaTags(t.stagingAreaTags())
            .useDedicatedReplicationServer(t.useDedicatedReplicationServer())
            .useFipsEndpoint(t.useFipsEndpoint())
            .replicatedDisks(disks)
            .build();
    return Reply.json(WireJson.toJson(response));
  }
}
