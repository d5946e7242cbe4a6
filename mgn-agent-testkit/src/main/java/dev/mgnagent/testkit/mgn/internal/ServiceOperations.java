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
    Fields.Page<ReplicationConfigurationTemplate> page =
        Fields.page(matching, call.body(), maxResults);
    return Reply.json(
        WireJson.toJson(
            DescribeReplicationConfigurationTemplatesResponse.builder()
                .items(page.items())
                .nextToken(page.nextToken())
                .build()));
  }

  /** {@code POST /GetReplicationConfiguration}: the default template applied to the server. */
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
    boolean first = true;
    List<DataReplicationInfoReplicatedDisk> replicated =
        server.dataReplicationInfo() == null
            ? List.of()
            : server.dataReplicationInfo().replicatedDisks();
    for (DataReplicationInfoReplicatedDisk d : replicated) {
      disks.add(
          ReplicationConfigurationReplicatedDisk.builder()
              .deviceName(d.deviceName())
              .isBootDisk(first)
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
