package dev.mgnagent.fleet;

import dev.mgnagent.host.Host;

/**
 * The transport seam of a fleet: turns a {@link FleetHost} into a {@link Host} that every step of
 * an installation can run against (SSH today; other transports plug in the same way). The fleet
 * calls {@link #connect} on its worker threads, several at once, so an implementation must be
 * thread-safe. When the returned host is {@link AutoCloseable}, the fleet closes it once that
 * host's work has ended, whatever its outcome.
 */
@FunctionalInterface
public interface HostConnector {

  /**
   * Connects to {@code host}.
   *
   * @throws HostUnreachableException when the host cannot be reached or logged in to; the host's
   *     outcome is then UNREACHABLE
   */
  Host connect(FleetHost host);
}
