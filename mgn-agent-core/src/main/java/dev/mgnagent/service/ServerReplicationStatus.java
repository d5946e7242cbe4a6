package dev.mgnagent.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One source server as MGN reports it: where it is in its lifecycle, how its replication is doing,
 * and each disk's progress. State values are MGN's own strings ({@code INITIAL_SYNC},
 * {@code READY_FOR_TEST}); a value this SDK version does not know is passed through as is.
 *
 * @param id the source server ID
 * @param arn its ARN
 * @param hostname the hostname the agent reported, when known
 * @param replicationState {@code dataReplicationInfo.dataReplicationState}, or empty before any
 * @param lifecycleState {@code lifeCycle.state}
 * @param replicationError {@code dataReplicationInfo.dataReplicationError.error}, when there is one
 * @param archived whether the server is archived
 * @param disks per-disk progress, from {@code dataReplicationInfo.replicatedDisks}
 */
public record ServerReplicationStatus(
    SourceServerId id,
    String arn,
    Optional<String> hostname,
    Optional<String> replicationState,
    Optional<String> lifecycleState,
    Optional<String> replicationError,
    boolean archived,
    List<DiskReplication> disks) {

  public ServerReplicationStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(arn, "arn");
    disks = List.copyOf(disks);
  }

  /** Bytes replicated over all disks. */
  public long replicatedBytes() {
    return disks.stream().mapToLong(DiskReplication::replicatedBytes).sum();
  }

  /** Total bytes over all disks. */
  public long totalBytes() {
    return disks.stream().mapToLong(DiskReplication::totalBytes).sum();
  }
}
