package dev.mgnagent.mgn;

/** Where a source server's replication stands, for deciding when to stop watching. */
public enum ReplicationHealth {
  /** Initiating, syncing, rescanning, catching up a backlog: still on its way. */
  IN_PROGRESS,
  /** {@code CONTINUOUS}: the initial sync is done and changes flow. */
  CONTINUOUS,
  /** {@code STOPPED} or {@code PAUSED}: nothing replicates, by choice. */
  IDLE,
  /** A replication error, {@code STALLED} or {@code DISCONNECTED}: needs attention. */
  FAILED
}
