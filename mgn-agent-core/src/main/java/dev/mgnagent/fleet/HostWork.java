package dev.mgnagent.fleet;

import dev.mgnagent.host.Host;

/**
 * Read-only work a {@link FleetInspection} runs on each connected host, such as a preflight or a
 * disk inventory. Called on the fleet's worker threads, several at once.
 *
 * @param <T> what the work finds
 */
@FunctionalInterface
public interface HostWork<T> {

  /**
   * Does the work on {@code host}; an exception makes the host's report FAILED.
   *
   * @param fleetHost the host as the inventory gave it
   * @param host the connected host
   */
  T run(FleetHost fleetHost, Host host);
}
