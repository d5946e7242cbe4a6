package dev.mgnagent.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a fleet installation achieved: one {@link HostOutcome} per host, in the inventory's order.
 *
 * @param outcomes one per host, in the order the hosts were given
 * @param duration from the start to the end of the whole fleet
 * @param cancelled whether the fleet was cancelled
 * @param failureLimitExceeded whether scheduling stopped because the failure limit was exceeded
 */
public record FleetResult(
    List<HostOutcome> outcomes,
    Duration duration,
    boolean cancelled,
    boolean failureLimitExceeded) {

  public FleetResult {
    outcomes = List.copyOf(outcomes);
    Objects.requireNonNull(duration, "duration");
  }

  /** Whether every host is INSTALLED. */
  public boolean allInstalled() {
    return outcomes.stream().allMatch(o -> o.status() == HostStatus.INSTALLED);
  }

  /** How many hosts ended with {@code status}. */
  public long count(HostStatus status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }
}
