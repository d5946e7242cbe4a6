package dev.mgnagent.mgn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One source server as MGN reports it: where it is in its lifecycle, how its replication is doing,
 * and each disk's progress. State values are MGN's own strings ({@code INITIAL_SYNC}, {@code
 * READY_FOR_TEST}); a value this SDK version does not know is passed through as is. Immutable; two
 * snapshots are equal when MGN reported the same.
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
 * @param nextAttempt {@code dataReplicationInfo.dataReplicationInitiation.nextAttemptDateTime}:
 *     when MGN will try again by itself
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
    Optional<Duration> lag,
    Optional<Instant> nextAttempt) {

  private static final Set<String> IDLE_STATES = Set.of("STOPPED", "PAUSED");

  /** States in which data keeps flowing: an error reported meanwhile is retried by MGN. */
  private static final Set<String> ONGOING_STATES =
      Set.of(
          "INITIAL_SYNC",
          "BACKLOG",
          "CREATING_SNAPSHOT",
          "CONTINUOUS",
          "RESCAN",
          "PENDING_SNAPSHOT_SHIPPING",
          "SHIPPING_SNAPSHOT");

  /** Lifecycles after which a DISCONNECTED replication is the normal end. */
  private static final Set<String> DONE_LIFECYCLES = Set.of("CUTOVER", "DISCONNECTED");

  /** Lifecycles of servers MGN knows without an agent (imported or agentless). */
  private static final Set<String> AGENTLESS_LIFECYCLES =
      Set.of("DISCOVERED", "PENDING_INSTALLATION");

  /** Checks and copies. */
  public ServerReplicationStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(arn, "arn");
    disks = List.copyOf(disks);
    initiationSteps = List.copyOf(initiationSteps);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(eta, "eta");
    Objects.requireNonNull(lag, "lag");
    Objects.requireNonNull(nextAttempt, "nextAttempt");
  }

  /** A status without a next attempt. */
  public ServerReplicationStatus(
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
    this(
        id,
        arn,
        hostname,
        replicationState,
        lifecycleState,
        replicationError,
        archived,
        disks,
        error,
        initiationSteps,
        eta,
        lag,
        Optional.empty());
  }

  /** A status without error details, initiation steps, ETA or lag. */
  public ServerReplicationStatus(
      SourceServerId id,
      String arn,
      Optional<String> hostname,
      Optional<String> replicationState,
      Optional<String> lifecycleState,
      Optional<String> replicationError,
      boolean archived,
      List<DiskReplication> disks) {
    this(
        id,
        arn,
        hostname,
        replicationState,
        lifecycleState,
        replicationError,
        archived,
        disks,
        replicationError.map(code -> ReplicationError.of(code, Optional.empty())),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
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

  /** Bytes compared again during a rescan, over all disks. */
  public long rescannedBytes() {
    return disks.stream().mapToLong(DiskReplication::rescannedBytes).sum();
  }

  /**
   * How far the current pass has come, 0 to 100: during {@code RESCAN} the rescanned share ({@code
   * rescannedStorageBytes}; the replicated share is already full then), otherwise the replicated
   * share.
   */
  public double progressPercent() {
    if (!replicationState.orElse("").equals("RESCAN")) {
      return percent();
    }
    long total = totalBytes();
    return total <= 0 ? 0 : Math.min(100.0, 100.0 * rescannedBytes() / total);
  }

  /**
   * Where the replication stands. An error MGN will retry (it gave a next attempt time, or data
   * keeps flowing) is {@link ReplicationHealth#RETRYING}; a replication DISCONNECTED after a
   * cutover (lifecycle CUTOVER or DISCONNECTED) is {@link ReplicationHealth#FINISHED}; a server
   * without a replication state whose lifecycle is DISCOVERED or PENDING_INSTALLATION is {@link
   * ReplicationHealth#NOT_REPLICATING}.
   */
  public ReplicationHealth health() {
    String state = replicationState.orElse("");
    String lifecycle = lifecycleState.orElse("");
    if (state.equals("DISCONNECTED")) {
      return DONE_LIFECYCLES.contains(lifecycle)
          ? ReplicationHealth.FINISHED
          : ReplicationHealth.FAILED;
    }
    if (state.isEmpty() && AGENTLESS_LIFECYCLES.contains(lifecycle)) {
      return ReplicationHealth.NOT_REPLICATING;
    }
    if (error.isPresent()) {
      return nextAttempt.isPresent() || ONGOING_STATES.contains(state)
          ? ReplicationHealth.RETRYING
          : ReplicationHealth.FAILED;
    }
    if (state.equals("STALLED")) {
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
