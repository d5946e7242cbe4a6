package dev.mgnagent.cli.fleet;

import dev.mgnagent.MgnAgentException;
import dev.mgnagent.fleet.HostConnector;

/** Reaches the {@code fleet} commands' hosts over SSH. */
final class SshConnector {

  private SshConnector() {}

  /**
   * The SSH connector for {@code settings}: each host's address, port, user and identity from the
   * inventory, the rest from the settings. A host that cannot be reached or logged in to is a
   * {@link dev.mgnagent.fleet.HostUnreachableException} whose reason is the SSH failure's name
   * (UNREACHABLE, AUTH_REFUSED, HOST_KEY_UNKNOWN, ...) with its remedy.
   */
  static HostConnector create(SshSettings settings) {
    throw new MgnAgentException(
        "fleet install over SSH is not supported yet: this build has no SSH transport");
  }
}
