package dev.mgnagent.fleet;

/** How a fleet installation ended for one host. */
public enum HostStatus {
  /** The agent is installed; the outcome carries the source server ID. */
  INSTALLED,
  /** The installation failed at a step; the outcome says which, why and what to do. */
  FAILED,
  /** The host could not be reached or logged in to; nothing ran on it. */
  UNREACHABLE,
  /** The host was never started: the failure limit was exceeded or the fleet was cancelled. */
  SKIPPED,
  /** The host's installation was running when the fleet was cancelled, and was stopped. */
  CANCELLED
}
