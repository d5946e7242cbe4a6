package dev.mgnagent.fleet;

/**
 * Counts of a running fleet at one moment.
 *
 * @param total hosts in the fleet
 * @param waiting hosts not started yet
 * @param running hosts started and not finished
 * @param installed hosts INSTALLED
 * @param failed hosts FAILED
 * @param unreachable hosts UNREACHABLE
 * @param skipped hosts SKIPPED
 * @param cancelled hosts CANCELLED
 */
public record FleetProgress(
    int total,
    int waiting,
    int running,
    int installed,
    int failed,
    int unreachable,
    int skipped,
    int cancelled) {

  /** Hosts that have an outcome. */
  public int done() {
    return installed + failed + unreachable + skipped + cancelled;
  }
}
