package dev.mgnagent.mgn;

/** Where a source server's replication stands, for deciding when to stop watching. */
public enum ReplicationHealth {
  /**
   * Initiating, syncing, rescanning, catching up a backlog, taking or shipping a snapshot: still on
   * its way.
   */
  IN_PROGRESS,
  /**
   * MGN reports an error it retries by itself (it gave a next attempt time, or data keeps flowing):
   * still on its way, with the error worth showing.
   */
  RETRYING,
  /** {@code CONTINUOUS}: the initial sync is done and changes flow. */
  CONTINUOUS,
  /** {@code STOPPED} or {@code PAUSED}: nothing replicates, by choice. */
  IDLE,
  /** {@code DISCONNECTED} after a cutover (lifecycle CUTOVER or DISCONNECTED): done. */
  FINISHED,
  /**
   * No replication state and lifecycle DISCOVERED or PENDING_INSTALLATION: a server MGN knows
   * without an agent (imported); nothing to watch.
   */
  NOT_REPLICATING,
  /**
   * An error MGN does not retry by itself, {@code STALLED}, or {@code DISCONNECTED} without a
   * cutover: needs attention.
   */
  FAILED
}
