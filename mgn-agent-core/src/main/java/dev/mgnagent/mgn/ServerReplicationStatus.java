package dev.mgnagent.mgn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One source server as MGN reports it: where it is in its lifecycle, how its replication is doing,
 * and each disk's progress. State values are MGN's own strings ({@code INITIAL_SYNC},
 * {@code READY_FOR_TEST}); a value this SDK version does not know is passed through as is.
 * Immutable; two snapshots are equal when MGN reported the same.
 *
 * @param id the source server ID
 * @param arn its ARN
 * @param hostname the hostname the agent reported, when known
 * @param replicationState {@code dataReplicationInfo.dataReplicationState}, or empty before any
 * @param lifecycleState {@code lifeCycle.state}
 * @param replicationError {@code dataReplicationInfo.dataReplicationError.error}, when there is one
 * @param archived whether the server is archived
 * @param disks per-disk progress, from {@code dataReplicationInfo.replicatedDisks}
 * @param error the replication error with its meaning and remedy, when there is one
 * @param initiationSteps the initiation steps in MGN's order
 * @param eta {@code dataReplicationInfo.etaDateTime}: when MGN expects the initial sync to end
 * @param lag {@code dataReplicationInfo.lagDuration}: how far the replica is behind
 */
public record ServerReplicationStatus(
    SourceServerId id,
    String arn,
    Optional<String> hostname,
    Optional<String> replicationState,
    Optional<String> lifecycleState,
    Optional<String> replicationError,
    boolean archived,
    List<DiskReplication> disks,
    Optional<ReplicationError> error,
    List<InitiationStep> initiationSteps,
    Optional<Instant> eta,
    Optional<Duration> lag) {

  private static final Set<String> FAILED_STATES = Set.of("STALLED", "DISCONNECTED");
  private static final Set<String> IDLE_STATES = Set.of("STOPPED", "PAUSED");

  /** Checks and copies. */
  public ServerReplicationStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(arn, "arn");
    disks = List.copyOf(disks);
    initiationSteps = List.copyOf(initiationSteps);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(eta, "eta");
    Objects.requireNonNull(lag, "lag");
  }

  /** A status without error details, initiation steps, ETA or lag. */
  public ServerReplicationStatus(SourceServerId id, String arn, Optional<String> hostname,
      Optional<String> replicationState, Optional<String> lifecycleState,
      Optional<String> replicationError, boolean archived, List<DiskReplication> disks) {
    this(id, arn, hostname, replicationState, lifecycleState, replicationError, archived, disks,
        replicationError.map(code -> ReplicationError.of(code, Optional.empty())), List.of(),
        Optional.empty(), Optional.empty());
  }

  /** Bytes replicated over all disks. */
  public long replicatedBytes() {
    return disks.stream().mapToLong(DiskReplication::replicatedBytes).sum();
  }

  /** Total bytes over all disks. */
  public long totalBytes() {
    return disks.stream().mapToLong(DiskReplication::totalBytes).sum();
  }

  /** Bytes written on the source and not yet copied, over all disks. */
  public long backloggedBytes() {
    return disks.stream().mapToLong(DiskReplication::backloggedBytes).sum();
  }

  /** Replicated share over all disks, 0 to 100. */
  public double percent() {
    long total = totalBytes();
    return total <= 0 ? 0 : Math.min(100.0, 100.0 * replicatedBytes() / total);
  }

  /** The initiation step in progress (or failed), when initiation is under way. */
  public Optional<InitiationStep> currentStep() {
    return initiationSteps.stream()
        .filter(s -> s.status().equals("FAILED") || s.status().equals("IN_PROGRESS"))
        .findFirst();
  }

  /** Where the replication stands: on its way, continuous, idle, or failed. */
  public ReplicationHealth health() {
    String state = replicationState.orElse("");
    if (error.isPresent() || FAILED_STATES.contains(state)) {
      return ReplicationHealth.FAILED;
    }
    if (state.equals("CONTINUOUS")) {
      return ReplicationHealth.CONTINUOUS;
    }
    if (IDLE_STATES.contains(state)) {
      return ReplicationHealth.IDLE;
    }
    return ReplicationHealth.IN_PROGRESS;
  }
}
