package dev.mgnagent.cli.fleet;

import dev.mgnagent.fleet.HostConnector;

/**
 * Makes the {@link HostConnector} the {@code fleet} commands reach their hosts with, from the SSH
 * options given on the command line. The real one is {@link SshConnector}; tests give their own
 * through {@link dev.mgnagent.cli.CliContext#withFleetConnectors(FleetConnectors)}.
 */
@FunctionalInterface
public interface FleetConnectors {

  /** The connector for a run with {@code settings}. */
  HostConnector connector(SshSettings settings);
}
