package dev.mgnagent.preflight;

import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.Endpoints;
import dev.mgnagent.Regions;
import dev.mgnagent.preflight.internal.AllChecks;
import dev.mgnagent.preflight.internal.HostView;
import dev.mgnagent.preflight.internal.PreflightCheck;
import dev.mgnagent.preflight.internal.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Checks a Linux server against MGN's installation requirements before anything is installed:
 * privileges, platform, space, memory, tools, boot, conflicting agents, disks, network and
 * (when given) credentials. Nothing on the host is changed.
 *
 * <pre>{@code
 * PreflightReport report = Preflight.builder()
 *     .host(LocalHost.create())
 *     .region(Region.EU_WEST_3)
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
public final class Preflight {

  /** The default timeout of each network probe. */
  public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofMillis(1200);

  private final Host host;
  private final Settings settings;

  private Preflight(Host host, Settings settings) {
    this.host = host;
    this.settings = settings;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The id of every check, in report order. */
  public static List<String> checkIds() {
    return AllChecks.inOrder().stream().map(PreflightCheck::id).toList();
  }

  /** Runs every check; returns when all are decided (at most about twice the probe timeout). */
  public PreflightReport run() {
    return AllChecks.run(host, new HostView(host, noCommandsReason(host)), settings);
  }

  private static Optional<String> noCommandsReason(Host host) {
    if (host instanceof LocalHost && !host.root().equals(Path.of("/"))) {
      return Optional.of("the host root " + host.root() + " is a tree, and commands would run on"
          + " this machine instead of that host");
    }
    return Optional.empty();
  }

  /** Configures a {@link Preflight}; only the host is required. */
  public static final class Builder {
    private Host host;
    private String region;
    private URI endpoint;
    private URI s3Endpoint;
    private String replicationServer;
    private InstallerFlavor flavor = InstallerFlavor.BINARY;
    private AwsCredentialsProvider credentials;
    private MgnClient mgnClient;
    private FileSystemSpace space;
    private Clock clock = Clock.systemUTC();
    private Duration probeTimeout = DEFAULT_PROBE_TIMEOUT;
    private TcpConnector connector = TcpConnector.sockets();

    private Builder() {}

    /** The server to check. */
    public Builder host(Host host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The region to install into: enables the MGN, bucket and credentials checks. */
    public Builder region(Region region) {
      this.region = Regions.requireWellFormed("region", Objects.requireNonNull(region, "region").id());
      return this;
    }

    /** An MGN endpoint other than the regional one (a PrivateLink endpoint, or a fake). */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Endpoints.parse("endpoint", "MGN endpoint", "mgn.us-east-1.amazonaws.com",
          Objects.requireNonNull(endpoint, "endpoint").toString());
      return this;
    }

    /** An S3 endpoint (VPC endpoint) probed instead of the public bucket hosts. */
    public Builder s3Endpoint(URI s3Endpoint) {
      this.s3Endpoint = Endpoints.parse("s3Endpoint", "S3 endpoint", "s3.us-east-1.amazonaws.com",
          Objects.requireNonNull(s3Endpoint, "s3Endpoint").toString());
      return this;
    }

    /** A replication server (host name or address) to probe on TCP 1500. */
    public Builder replicationServer(String host) {
      if (host == null || host.isBlank() || host.contains("/") || host.contains(" ")) {
        throw new dev.mgnagent.InvalidRequestException("replicationServer",
            "replication server '" + host + "': give a host name or IP address");
      }
      this.replicationServer = host.strip();
      return this;
    }

    /** Which installer will run (default binary); the Python one needs python3. */
    public Builder flavor(InstallerFlavor flavor) {
      this.flavor = Objects.requireNonNull(flavor, "flavor");
      return this;
    }

    /** Credentials for the MGN call; without them (or a client) the call is SKIPPED. */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** A client the caller built, used for the MGN call and not closed. */
    public Builder mgnClient(MgnClient client) {
      this.mgnClient = Objects.requireNonNull(client, "client");
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

    /** How long each network probe may take (default 1.2 s); the MGN call gets twice this. */
    public Builder probeTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("probe timeout must be positive");
      }
      this.probeTimeout = timeout;
      return this;
    }

    /** How probes connect (default: plain sockets); for tests. */
    public Builder tcpConnector(TcpConnector connector) {
      this.connector = Objects.requireNonNull(connector, "connector");
      return this;
    }

    public Preflight build() {
      if (host == null) {
        throw new IllegalStateException("give Preflight a host");
      }
      FileSystemSpace measured = space;
      String noSpace = "";
      if (measured == null && host.root().equals(Path.of("/"))) {
        measured = FileSystemSpace.statvfs(host.root());
      } else if (measured == null) {
        noSpace = "free space was not measured: the free space of the tree " + host.root()
            + " is not the host's";
      }
      return new Preflight(host, new Settings(Optional.ofNullable(region),
          Optional.ofNullable(endpoint), Optional.ofNullable(s3Endpoint),
          Optional.ofNullable(replicationServer), flavor, Optional.ofNullable(credentials),
          Optional.ofNullable(mgnClient), Optional.ofNullable(measured), noSpace, clock,
          probeTimeout, connector));
    }
  }
}
