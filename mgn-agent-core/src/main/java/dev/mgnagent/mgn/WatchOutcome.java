package dev.mgnagent.mgn;

/** How a {@link ReplicationWatcher} ended. */
public enum WatchOutcome {
  /** Every watched server is CONTINUOUS, STOPPED or PAUSED (or none matched). */
  SETTLED,
  /** A watched server has a replication error, or is STALLED or DISCONNECTED. */
  FAILED,
  /** The timeout passed first. */
  TIMED_OUT
}
