package dev.mgnagent.mgn;

/** How a {@link ReplicationWatcher} ended. */
public enum WatchOutcome {
  /**
   * Every watched server is CONTINUOUS, STOPPED or PAUSED, finished after a cutover, or not
   * replicating (or none matched).
   */
  SETTLED,
  /**
   * A watched server has a replication error MGN does not retry, is STALLED, or is DISCONNECTED
   * without a cutover.
   */
  FAILED,
  /** The timeout passed first. */
  TIMED_OUT
}
