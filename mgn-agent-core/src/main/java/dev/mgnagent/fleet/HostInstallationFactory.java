package dev.mgnagent.fleet;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.host.Host;
import dev.mgnagent.install.AgentInstallation;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes the {@link AgentInstallation} a fleet runs on one host. This is where per-host settings are
 * decided: the default runs a plain installation on the connected host, with the installer the
 * fleet downloaded and verified once; {@link #configured} adds timeouts and settings to that; a
 * factory of one's own decides everything, the installer's source included.
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
  static Configured standard() {
    return configured(builder -> {});
  }

  /**
   * An {@link AgentInstallation} on the connected host, its builder first given to {@code
   * configure} (which must not replace the host or the listener).
   */
  static Configured configured(Consumer<AgentInstallation.Builder> configure) {
    return new Configured(configure);
  }

  /**
   * A factory that builds a standard {@link AgentInstallation} from settings; a fleet adds its
   * installer, downloaded and verified once, to these settings.
   */
  final class Configured implements HostInstallationFactory {
    private final Consumer<AgentInstallation.Builder> configure;

    private Configured(Consumer<AgentInstallation.Builder> configure) {
      this.configure = Objects.requireNonNull(configure, "configure");
    }

    /** The same settings, then {@code more} (which wins where both set the same thing). */
    public Configured andThen(Consumer<AgentInstallation.Builder> more) {
      Objects.requireNonNull(more, "more");
      return new Configured(configure.andThen(more));
    }

    @Override
    public AgentInstallation create(FleetHost fleetHost, Host host, EventListener listener) {
      AgentInstallation.Builder builder = AgentInstallation.builder();
      configure.accept(builder);
      return builder.host(host).eventListener(listener).build();
    }
  }
}
