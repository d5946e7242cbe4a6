package dev.mgnagent.fleet;

import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.mgn.SourceServerId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a fleet installation ended for one host.
 *
 * @param host the host, as the inventory gave it
 * @param status the outcome
 * @param installation what the installation achieved, when the host is INSTALLED
 * @param failure why, when the host is FAILED or UNREACHABLE
 * @param duration from the host's start (connecting included) to its end; zero when SKIPPED
 */
public record HostOutcome(
    FleetHost host,
    HostStatus status,
    Optional<InstallationResult> installation,
    Optional<HostFailure> failure,
    Duration duration) {

  public HostOutcome {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(installation, "installation");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(duration, "duration");
  }

  /** The source server the host registered as, when INSTALLED. */
  public Optional<SourceServerId> sourceServerId() {
    return installation.map(InstallationResult::sourceServerId);
  }

  /** Whether this host counts toward the failure limit (FAILED or UNREACHABLE). */
  public boolean countsAsFailure() {
    return status == HostStatus.FAILED || status == HostStatus.UNREACHABLE;
  }
}
