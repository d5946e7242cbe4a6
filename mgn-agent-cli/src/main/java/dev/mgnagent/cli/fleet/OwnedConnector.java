package dev.mgnagent.cli.fleet;

import dev.mgnagent.fleet.HostConnector;

/**
 * Closes a {@code fleet} command's {@link HostConnector} when the command is done with it, when the
 * connector holds something to close (the SSH connector's shared transport).
 */
final class OwnedConnector implements AutoCloseable {

  private final HostConnector connector;

  OwnedConnector(HostConnector connector) {
    this.connector = connector;
  }

  @Override
  public void close() {
    if (connector instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // the command's outcome stands; the transport's threads end with the process
      }
    }
  }
}
