package dev.mgnagent.preflight;

import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.preflight.internal.AllChecks;
import dev.mgnagent.preflight.internal.DefaultPreflight;
import dev.mgnagent.preflight.internal.PreflightCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Checks a Linux server against MGN's installation requirements before anything is installed:
 * privileges, platform, space, memory, tools, boot, conflicting agents, disks, network and
 * (when given) credentials. Nothing on the host is changed.
 *
 * <pre>{@code
 * PreflightReport report = Preflight.builder()
 *     .host(LocalHost.create())
 *     .settings(PreflightSettings.builder().region(Region.EU_WEST_3).build())
 *     .build()
 *     .run();
 * report.checks().forEach(c -> System.out.println(c.id() + " " + c.status()));
 * }</pre>
 *
 * <p>Every run lists every check of {@link #checkIds()}, in that order. Files are read under
 * {@link Host#root()}, the environment comes from {@link Host#environment()}, and commands
 * ({@code sudo -n true}, {@code lsattr}) run through the host's runner; on a {@link LocalHost}
 * rooted at another directory (a copied tree) they would run on the wrong machine, so those checks
 * are SKIPPED and say why. Network probes all start at once, each bounded by the probe timeout.
 */
public interface Preflight {

  /** The default timeout of each network probe. */
  Duration DEFAULT_PROBE_TIMEOUT = PreflightSettings.DEFAULT_PROBE_TIMEOUT;

  /** A builder; only the host is required. */
  static Builder builder() {
    return new Builder();
  }

  /** The id of every check, in report order. */
  static List<String> checkIds() {
    return AllChecks.inOrder().stream().map(PreflightCheck::id).toList();
  }

  /** Runs every check; returns when all are decided (at most about twice the probe timeout). */
  PreflightReport run();

  /**
   * Configures a {@link Preflight}: the host to check, what to check it against ({@link
   * PreflightSettings}) and how the checks measure (free space, today's date, sockets). Not
   * thread-safe.
   */
  final class Builder {
    private Host host;
    private PreflightSettings settings = PreflightSettings.hostOnly();
    private FileSystemSpace space;
    private Clock clock = Clock.systemUTC();
    private TcpConnector connector = TcpConnector.sockets();

    private Builder() {}

    /** The server to check (required). */
    public Builder host(Host host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** What to check against (default: no region, so only the host's own checks decide). */
    public Builder settings(PreflightSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * How free space is measured. Default: {@code statvfs} when the host's root is {@code /};
     * for a host rooted elsewhere the space checks are SKIPPED unless one is given.
     */
    public Builder fileSystemSpace(FileSystemSpace space) {
      this.space = Objects.requireNonNull(space, "space");
      return this;
    }

    /** Today's date for the end-of-support table (default: the system clock, UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How probes connect (default: plain sockets); for tests. */
    public Builder tcpConnector(TcpConnector connector) {
      this.connector = Objects.requireNonNull(connector, "connector");
      return this;
    }

    /**
     * The preflight.
     *
     * @throws IllegalStateException if no host was given
     */
    public Preflight build() {
      if (host == null) {
        throw new IllegalStateException("give Preflight a host");
      }
      return DefaultPreflight.create(host, settings, space, clock, connector);
    }
  }
}
