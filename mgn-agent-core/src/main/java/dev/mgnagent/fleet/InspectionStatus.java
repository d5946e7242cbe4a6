package dev.mgnagent.fleet;

/** How a {@link FleetInspection} ended for one host. */
public enum InspectionStatus {
  /** The work ran; the report carries what it found. */
  DONE,
  /** The work threw; the report says why. */
  FAILED,
  /** The host could not be reached or logged in to. */
  UNREACHABLE,
  /** The host was never started (the inspection was cancelled). */
  SKIPPED,
  /**
   * The inspection was cancelled while the host was being connected to or its work ran: its
   * connection was closed and whatever the work found is not reported.
   */
  CANCELLED
}
