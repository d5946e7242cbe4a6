package dev.mgnagent.mgn.internal;

import dev.mgnagent.mgn.MgnDisks;
import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.ReplicatedDisksReader;
import dev.mgnagent.mgn.SourceServerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.AccessDeniedException;
import software.amazon.awssdk.services.mgn.model.GetReplicationConfigurationResponse;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/** {@link ReplicatedDisksReader} with DescribeSourceServers and GetReplicationConfiguration. */
public final class DefaultReplicatedDisksReader implements ReplicatedDisksReader {
  private final MgnClient client;

  public DefaultReplicatedDisksReader(MgnClient client) {
    this.client = client;
  }

  @Override
  public MgnDisks read(SourceServerId id) {
    String region = client.serviceClientConfiguration().region().id();
    List<SourceServer> found;
    try {
      found =
          client.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(id.value()))).items();
    } catch (SdkException e) {
      throw MgnErrors.translate(
          "DescribeSourceServers",
          e,
          region,
          client.serviceClientConfiguration().endpointOverride());
    }
    if (found.isEmpty()) {
      throw new MgnServiceException(
          "DescribeSourceServers",
          null,
          "MGN in "
              + region
              + " has no source server "
              + id
              + "; check the sourceServerId and the region",
          null);
    }
    SourceServer server = found.get(0);
    List<MgnDisks.MgnDisk> replicated = new ArrayList<>();
    if (server.dataReplicationInfo() != null) {
      server
          .dataReplicationInfo()
          .replicatedDisks()
          .forEach(
              d ->
                  replicated.add(
                      new MgnDisks.MgnDisk(d.deviceName(), zero(d.totalStorageBytes()))));
    }
    List<MgnDisks.MgnDisk> reported = new ArrayList<>();
    if (server.sourceProperties() != null) {
      server
          .sourceProperties()
          .disks()
          .forEach(d -> reported.add(new MgnDisks.MgnDisk(d.deviceName(), zero(d.bytes()))));
    }
    GetReplicationConfigurationResponse config;
    try {
      config = client.getReplicationConfiguration(r -> r.sourceServerID(id.value()));
    } catch (AccessDeniedException e) {
      return new MgnDisks(replicated, reported, Optional.empty(), false);
    } catch (SdkException e) {
      throw MgnErrors.translate(
          "GetReplicationConfiguration",
          e,
          region,
          client.serviceClientConfiguration().endpointOverride());
    }
    Optional<String> boot =
        config.replicatedDisks().stream()
            .filter(d -> Boolean.TRUE.equals(d.isBootDisk()))
            .map(d -> d.deviceName())
            .findFirst();
    return new MgnDisks(replicated, reported, boot, true);
  }

  private static long zero(Long value) {
    return value == null ? 0 : value;
  }
}
