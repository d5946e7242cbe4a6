package dev.mgnagent.install.internal;

import dev.mgnagent.host.Host;
import dev.mgnagent.host.HostLock;
import dev.mgnagent.install.InstallationInProgressException;
import java.util.Optional;

/**
 * The host's install lock, held from the installer's download to the installer's end so that two
 * installations never run the installer on one server at once.
 */
final class InstallLock implements AutoCloseable {

  /** The name of the lock on the host ({@code run/lock/mgn-agent-install.lock} on a local host). */
  static final String NAME = "install";

  private Optional<HostLock> held = Optional.empty();

  /** Takes the lock on {@code host}; throws when another installation holds it. */
  void take(Host host) {
    if (held.isPresent()) {
      return;
    }
    held = host.tryLock(NAME);
    if (held.isEmpty()) {
      throw new InstallationInProgressException(
          "mgn-agent-" + NAME + ".lock", host.lockHolder(NAME));
    }
  }

  @Override
  public void close() {
    held.ifPresent(HostLock::close);
    held = Optional.empty();
  }
}
