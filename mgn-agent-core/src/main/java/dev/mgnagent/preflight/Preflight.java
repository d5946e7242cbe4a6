package dev.mgnagent.preflight;

import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.preflight.internal.AllChecks;
import dev.mgnagent.preflight.internal.DefaultPreflight;
import dev.mgnagent.preflight.internal.PreflightCheck;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Checks a Linux server against MGN's installation requirements before anything is installed:
 * privileges, platform, space, memory, tools, boot, conflicting agents, disks, network and (when
 * given) credentials. Nothing on the host is changed.
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
 * <p>Every run lists every check of {@link #checkIds()}, in that order. Files are read under {@link
 * Host#root()}, the environment comes from {@link Host#environment()}, and commands ({@code sudo -n
 * true}, {@code lsattr}) run through the host's runner; on a {@link LocalHost} rooted at another
 * directory (a copied tree) they would run on the wrong machine, so those checks are SKIPPED and
 * say why. Network probes all start at once, each bounded by the probe timeout.
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
    private PreflightSettings.Builder settings = PreflightSettings.builder();
    private FileSystemSpace space;
    private Clock clock = Clock.systemUTC();
    private TcpConnector connector = TcpConnector.sockets();
    private Inventory inventory;

    private Builder() {}

    /** The server to check (required). */
    public Builder host(Host host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * What to check against (default: no region, so only the host's own checks decide). The setters
     * below change single values of these settings.
     */
    public Builder settings(PreflightSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings").toBuilder();
      return this;
    }

    /** Sets {@link PreflightSettings.Builder#region(Region)}. */
    public Builder region(Region region) {
      settings.region(region);
      return this;
    }

    /** Sets {@link PreflightSettings.Builder#endpoint(URI)}. */
    public Builder endpoint(URI endpoint) {
      settings.endpoint(endpoint);
      return this;
    }

    /** Sets {@link PreflightSettings.Builder#s3Endpoint(URI)}. */
    public Builder s3Endpoint(URI s3Endpoint) {
      settings.s3Endpoint(s3Endpoint);
      return this;
    }

    /** Sets {@link PreflightSettings.Builder#replicationServer(String)}. */
    public Builder replicationServer(String host) {
      settings.replicationServer(host);
      return this;
    }

    /** Sets {@link PreflightSettings.Builder#flavor(InstallerFlavor)}. */
    public Builder flavor(InstallerFlavor flavor) {
      settings.flavor(flavor);
      return this;
    }

    /** Sets {@link PreflightSettings.Builder#credentialsProvider(AwsCredentialsProvider)}. */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      settings.credentialsProvider(credentials);
      return this;
    }

    /** Sets {@link PreflightSettings.Builder#mgnClient(MgnClient)}. */
    public Builder mgnClient(MgnClient client) {
      settings.mgnClient(client);
      return this;
    }

    /** Sets {@link PreflightSettings.Builder#probeTimeout(Duration)}. */
    public Builder probeTimeout(Duration timeout) {
      settings.probeTimeout(timeout);
      return this;
    }

    /**
     * How free space is measured. Default: {@code statvfs} when the host's root is {@code /}; for a
     * host rooted elsewhere the space checks are SKIPPED unless one is given.
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

    /**
     * The host's disk inventory, when the caller has just read it (default: the disk checks read it
     * from the host). Saves reading the host's disks twice, which on a remote host is one more
     * command there.
     */
    public Builder inventory(Inventory inventory) {
      this.inventory = Objects.requireNonNull(inventory, "inventory");
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
     * @throws dev.mgnagent.InvalidRequestException if a setting is malformed
     */
    public Preflight build() {
      if (host == null) {
        throw new IllegalStateException("give Preflight a host");
      }
      return DefaultPreflight.create(
          host,
          settings.build(),
          space,
          clock,
          connector,
          java.util.Optional.ofNullable(inventory));
    }
  }
}
