package dev.mgnagent.fleet;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.host.Host;
import dev.mgnagent.install.AgentInstallation;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes the {@link AgentInstallation} a fleet runs on one host. This is where per-host settings are
 * decided: the default runs a plain installation on the connected host; a caller can configure
 * timeouts, settings or a shared installer downloaded and verified once for the whole fleet.
 */
@FunctionalInterface
public interface HostInstallationFactory {

  /**
   * The installation to run on {@code host}.
   *
   * @param fleetHost the host as the inventory gave it
   * @param host the connected host
   * @param listener receives the installation's events (already tagged with the host)
   */
  AgentInstallation create(FleetHost fleetHost, Host host, EventListener listener);

  /** A plain {@link AgentInstallation} on the connected host. */
  static HostInstallationFactory standard() {
    return configured(builder -> {});
  }

  /**
   * An {@link AgentInstallation} on the connected host, its builder first given to {@code
   * configure} (which must not replace the host or the listener).
   */
  static HostInstallationFactory configured(Consumer<AgentInstallation.Builder> configure) {
    Objects.requireNonNull(configure, "configure");
    return (fleetHost, host, listener) -> {
      AgentInstallation.Builder builder = AgentInstallation.builder();
      configure.accept(builder);
      return builder.host(host).eventListener(listener).build();
    };
  }
}
