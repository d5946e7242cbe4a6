package dev.mgnagent.mgn.internal;

import dev.mgnagent.mgn.DiskReplication;
import dev.mgnagent.mgn.InitiationStep;
import dev.mgnagent.mgn.ReplicationError;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ServerFilter;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.DataReplicationError;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfo;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfoReplicatedDisk;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiationStep;
import software.amazon.awssdk.services.mgn.model.DescribeSourceServersRequestFilters;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/** {@link ReplicationStatusReader} with the {@code DescribeSourceServers} paginator. */
public final class DefaultReplicationStatusReader implements ReplicationStatusReader {

  static final int PAGE_SIZE = 1000;

  private final MgnClient client;

  public DefaultReplicationStatusReader(MgnClient client) {
    this.client = client;
  }

  @Override
  public List<ServerReplicationStatus> read(List<SourceServerId> ids) {
    return read(ServerFilter.ids(ids));
  }

  @Override
  public List<ServerReplicationStatus> read(ServerFilter filter) {
    DescribeSourceServersRequestFilters.Builder filters =
        DescribeSourceServersRequestFilters.builder();
    if (filter.ids().isEmpty() && filter.archived().isEmpty()) {
      filters.isArchived(false);
    }
    if (!filter.ids().isEmpty()) {
      filters.sourceServerIDs(filter.ids().stream().map(SourceServerId::value).toList());
    }
    if (!filter.lifecycleStates().isEmpty()) {
      filters.lifeCycleStatesWithStrings(filter.lifecycleStates());
    }
    if (!filter.replicationTypes().isEmpty()) {
      filters.replicationTypesWithStrings(filter.replicationTypes());
    }
    filter.archived().ifPresent(filters::isArchived);
    List<ServerReplicationStatus> servers = new ArrayList<>();
    try {
      client
          .describeSourceServersPaginator(r -> r.filters(filters.build()).maxResults(PAGE_SIZE))
          .items()
          .forEach(server -> servers.add(status(server)));
    } catch (SdkException e) {
      throw MgnErrors.translate(
          "DescribeSourceServers",
          e,
          client.serviceClientConfiguration().region().id(),
          client.serviceClientConfiguration().endpointOverride());
    }
    return servers;
  }

  static ServerReplicationStatus status(SourceServer server) {
    DataReplicationInfo info = server.dataReplicationInfo();
    List<DiskReplication> disks = new ArrayList<>();
    if (info != null && info.hasReplicatedDisks()) {
      for (DataReplicationInfoReplicatedDisk disk : info.replicatedDisks()) {
        disks.add(
            new DiskReplication(
                Optional.ofNullable(disk.deviceName()).orElse("?"),
                zeroIfNull(disk.totalStorageBytes()),
                zeroIfNull(disk.replicatedStorageBytes()),
                zeroIfNull(disk.backloggedStorageBytes()),
                zeroIfNull(disk.rescannedStorageBytes())));
      }
    }
    Optional<String> hostname =
        Optional.ofNullable(server.sourceProperties())
            .map(p -> p.identificationHints())
            .map(h -> h.hostname());
    Optional<DataReplicationError> error =
        Optional.ofNullable(info)
            .map(DataReplicationInfo::dataReplicationError)
            .filter(e -> e.errorAsString() != null);
    List<InitiationStep> steps = new ArrayList<>();
    if (info != null
        && info.dataReplicationInitiation() != null
        && info.dataReplicationInitiation().hasSteps()) {
      for (DataReplicationInitiationStep step : info.dataReplicationInitiation().steps()) {
        steps.add(
            new InitiationStep(
                String.valueOf(step.nameAsString()), String.valueOf(step.statusAsString())));
      }
    }
    return new ServerReplicationStatus(
        new SourceServerId(server.sourceServerID()),
        server.arn(),
        hostname,
        Optional.ofNullable(info).map(DataReplicationInfo::dataReplicationStateAsString),
        Optional.ofNullable(server.lifeCycle()).map(l -> l.stateAsString()),
        error.map(DataReplicationError::errorAsString),
        Boolean.TRUE.equals(server.isArchived()),
        disks,
        error.map(e -> ReplicationError.of(e.errorAsString(), Optional.ofNullable(e.rawError()))),
        steps,
        Optional.ofNullable(info).map(DataReplicationInfo::etaDateTime).flatMap(Dates::instant),
        Optional.ofNullable(info).map(DataReplicationInfo::lagDuration).flatMap(Dates::duration),
        Optional.ofNullable(info)
            .map(DataReplicationInfo::dataReplicationInitiation)
            .map(i -> i.nextAttemptDateTime())
            .flatMap(Dates::instant));
  }

  private static long zeroIfNull(Long value) {
    return value == null ? 0 : value;
  }
}
