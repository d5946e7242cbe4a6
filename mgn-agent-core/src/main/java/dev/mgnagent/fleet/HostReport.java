package dev.mgnagent.fleet;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link FleetInspection} found on one host.
 *
 * @param host the host
 * @param status how the work ended
 * @param value what the work returned, when DONE
 * @param failure why, when FAILED or UNREACHABLE
 * @param duration from the host's start (connecting included) to its end
 * @param <T> what the work finds
 */
public record HostReport<T>(
    FleetHost host,
    InspectionStatus status,
    Optional<T> value,
    Optional<HostFailure> failure,
    Duration duration) {

  public HostReport {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(duration, "duration");
  }
}
