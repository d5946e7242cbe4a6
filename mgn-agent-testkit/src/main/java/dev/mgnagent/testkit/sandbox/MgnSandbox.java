package dev.mgnagent.testkit.sandbox;

import dev.mgnagent.Secret;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.Startable;
import dev.mgnagent.testkit.aws.FakeEc2;
import dev.mgnagent.testkit.aws.FakeIam;
import dev.mgnagent.testkit.aws.FakeSts;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.disk.FakeBlockDevicesBuilder;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.SimulationSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * Everything an installation needs, on {@code 127.0.0.1} and in one work directory: a {@link
 * FakeMgn}, a {@link FakeInstallerBucket} publishing the {@link FakeInstaller} (its launchers, with
 * their SHA-512 digests) and the fake host whose disks that installer sees. Point an installation
 * at {@link #mgnEndpoint()} and {@link #s3Endpoint()} with {@link #adminCredentials()} (or {@link
 * #installerCredentials()}) and it runs end to end: the installer is downloaded, verified, run as a
 * separate process, and registers with the fake MGN.
 *
 * <pre>{@code
 * try (MgnSandbox sandbox = MgnSandbox.builder().region("eu-west-3").initialized(true)
 *     .host(FakeBlockDeviceScenarios.nitroNvme()).build().start()) {
 *   AgentInstallation.builder().host(sandbox.host()).workDirectory(sandbox.downloadDirectory())
 *       .build().install(... sandbox.mgnEndpoint(), sandbox.s3Endpoint(),
 *           sandbox.adminCredentials() ...);
 *   assertThat(sandbox.mgn().sourceServers()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>By default the MGN is uninitialized, in {@code us-east-1}, with the sandbox's sped-up
 * replication simulation ({@link FakeMgn.Builder#sandboxSimulation()}: any initial sync ends within
 * seconds); the bucket publishes both installer flavors; the host is {@link
 * FakeBlockDeviceScenarios#virtioWithSeparateBoot()} written under the work directory; the work
 * directory is a new temporary directory, deleted at {@link #close()}.
 *
 * <p>{@link #start()} starts the parts in order (work directory, MGN, host tree, installer,
 * bucket); when one fails, the parts already started are closed (and a temporary work directory
 * deleted) before the failure is thrown. {@link #close()} closes every part even when closing one
 * fails. A sandbox starts once: build another to start again. Thread-safe.
 */
public final class MgnSandbox implements Startable {

  private enum State {
    NEW,
    STARTED,
    CLOSED
  }

  private final FakeMgn mgn;
  private final boolean ownsMgn;

  /** The IAM, STS and EC2 of the MGN's account, for initializing it; none with a shared MGN. */
  private final FakeIam iam;

  private final FakeSts sts;
  private final FakeEc2 ec2;
  private final String region;
  private final Set<InstallerFlavor> flavors;
  private final Path givenWorkDirectory;
  private final Path givenHostRoot;
  private final FakeBlockDevicesBuilder hostScenario;
  private final String hostname;
  private final String macAddress;
  private final int s3Port;
  private final UnaryOperator<FakeInstaller.Builder> installerSettings;

  private State state = State.NEW;
  private Path workDirectory;
  private boolean deleteWorkDirectory;
  private Path hostRoot;
  private FakeInstaller installer;
  private FakeInstallerBucket bucket;

  private MgnSandbox(Builder b, FakeMgn mgn, boolean ownsMgn, FakeIam iam) {
    this.mgn = mgn;
    this.ownsMgn = ownsMgn;
    this.iam = iam;
    this.sts =
        iam == null
            ? null
            : FakeSts.builder().region(mgn.region().id()).accountId(mgn.accountId()).build();
    this.ec2 =
        iam == null
            ? null
            : FakeEc2.builder().region(mgn.region().id()).accountId(mgn.accountId()).build();
    this.region = mgn.region().id();
    this.flavors = Collections.unmodifiableSet(EnumSet.copyOf(b.flavors));
    this.givenWorkDirectory = b.workDirectory;
    this.givenHostRoot = b.hostRoot;
    this.hostScenario = b.hostScenario;
    this.hostname = b.hostname;
    this.macAddress = b.macAddress;
    this.s3Port = b.s3Port;
    this.installerSettings = b.installerSettings;
  }

  /** A builder with the defaults above. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the work directory, the MGN (unless shared), the host tree, the installer and the
   * bucket, in that order.
   *
   * @return this
   * @throws IllegalStateException when started before (a sandbox starts once), or when a shared
   *     {@link FakeMgn} is not started
   * @throws UncheckedIOException when a directory cannot be written or a port bound; the parts
   *     already started are closed first
   */
  @Override
  public synchronized MgnSandbox start() {
    if (state != State.NEW) {
      throw new IllegalStateException(
          state == State.STARTED
              ? "this MgnSandbox is already started"
              : "an MgnSandbox starts once; build another one");
    }
    state = State.STARTED;
    try {
      startParts();
    } catch (RuntimeException | Error e) {
      try {
        close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return this;
  }

  private void startParts() {
    if (!ownsMgn && !mgn.isStarted()) {
      throw new IllegalStateException("start() the shared FakeMgn before the sandbox");
    }
    try {
      if (givenWorkDirectory != null) {
        workDirectory = Files.createDirectories(givenWorkDirectory).toAbsolutePath();
      } else {
        workDirectory = Files.createTempDirectory("mgn-agent-sandbox-").toAbsolutePath();
        deleteWorkDirectory = true;
      }
      Files.createDirectories(workDirectory.resolve("download"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sandbox's work directory", e);
    }
    if (ownsMgn) {
      mgn.start();
      iam.start();
      sts.start();
      ec2.start();
      // the admin keys may do everything MGN's initialization needs; the installer keys nothing
      iam.addCredentials(mgn.adminCredentials(), Set.of("iam:*"));
      iam.addCredentials(mgn.installerCredentials(), Set.of());
      sts.addCredentials(mgn.adminCredentials()).addCredentials(mgn.installerCredentials());
      ec2.addCredentials(mgn.adminCredentials(), Set.of("ec2:*"));
      ec2.addCredentials(mgn.installerCredentials(), Set.of());
    }
    hostRoot =
        givenHostRoot != null
            ? givenHostRoot.toAbsolutePath()
            : hostScenario.writeTo(workDirectory.resolve("host"));
    FakeInstaller.Builder installerBuilder =
        FakeInstaller.builder()
            .installRoot(workDirectory.resolve("installation"))
            .hostRoot(hostRoot)
            .mgnEndpoint(mgn.endpoint());
    if (hostname != null) {
      installerBuilder.hostname(hostname);
    }
    if (macAddress != null) {
      installerBuilder.macAddress(macAddress);
    }
    installer = installerSettings.apply(installerBuilder).build();
    FakeInstallerBucket.Builder bucketBuilder =
        FakeInstallerBucket.builder().region(region).port(s3Port);
    for (InstallerFlavor flavor : InstallerFlavor.values()) {
      if (flavors.contains(flavor)) {
        bucketBuilder.installer(flavor, installer.launcher(flavor));
      } else {
        bucketBuilder.removeInstaller(flavor);
      }
    }
    bucket = bucketBuilder.build().start();
  }

  /** Whether it is started and not closed since. */
  public synchronized boolean isStarted() {
    return state == State.STARTED;
  }

  /** The region of the MGN and of the bucket names. */
  public Region region() {
    return mgn.region();
  }

  /** The MGN endpoint, {@code http://127.0.0.1:<port>}. */
  public URI mgnEndpoint() {
    return mgn.endpoint();
  }

  /** The S3 endpoint serving the installer buckets path style, {@code http://127.0.0.1:<port>}. */
  public URI s3Endpoint() {
    return bucket().endpoint();
  }

  /** Keys allowed every MGN action ({@link FakeMgn#adminCredentials()}). */
  public AwsBasicCredentials adminCredentials() {
    return mgn.adminCredentials();
  }

  /**
   * Keys allowed only what the installation policy allows ({@link FakeMgn#installerCredentials()}).
   */
  public AwsBasicCredentials installerCredentials() {
    return mgn.installerCredentials();
  }

  /** The installer flavors the bucket publishes. */
  public Set<InstallerFlavor> flavors() {
    return flavors;
  }

  /**
   * The SHA-512 (lower-case hex) the bucket publishes for {@code flavor}'s installer.
   *
   * @throws IllegalArgumentException when the sandbox does not publish {@code flavor}
   */
  public String sha512(InstallerFlavor flavor) {
    return bucket().sha512(flavor);
  }

  /**
   * The fake IAM of the MGN's account, linked to it (InitializeService creates the service-linked
   * role there).
   *
   * @throws IllegalStateException with a shared MGN, which brings no IAM
   */
  public FakeIam iam() {
    return aws(iam, "IAM");
  }

  /** The fake STS of the MGN's account ({@code GetCallerIdentity}). */
  public FakeSts sts() {
    return aws(sts, "STS");
  }

  /** The fake EC2 of the MGN's account, with a default VPC and its subnets. */
  public FakeEc2 ec2() {
    return aws(ec2, "EC2");
  }

  private <T> T aws(T fake, String name) {
    if (fake == null) {
      throw new IllegalStateException("a sandbox with a shared FakeMgn has no fake " + name);
    }
    return started(fake, name);
  }

  /**
   * A request to install against this sandbox, ready to {@code build()}: its region, the admin
   * keys, every endpoint (MGN, S3, and the IAM, STS and EC2 that initialization uses), marked as a
   * sandbox, and no prompts. Add devices, tags or {@code initializeService(true)} as the test
   * needs.
   */
  public InstallRequest.Builder installRequest() {
    AwsBasicCredentials keys = adminCredentials();
    InstallRequest.Builder request =
        InstallRequest.builder()
            .region(mgn.region())
            .accessKeyId(keys.accessKeyId())
            .secretAccessKey(Secret.of(keys.secretAccessKey()))
            .endpoint(mgnEndpoint())
            .s3Endpoint(s3Endpoint())
            .sandbox(true)
            .noPrompt(true);
    if (iam != null) {
      request
          .iamEndpoint(iam().endpoint())
          .stsEndpoint(sts().endpoint())
          .ec2Endpoint(ec2().endpoint());
    }
    return request;
  }

  /** The fake MGN (the shared one, with {@link Builder#sharedMgn(FakeMgn)}). */
  public FakeMgn mgn() {
    return mgn;
  }

  /** The installer bucket, for its faults and recorded requests. */
  public synchronized FakeInstallerBucket bucket() {
    return started(bucket, "the bucket");
  }

  /** The fake installer the bucket publishes, for its failures and runs. */
  public synchronized FakeInstaller installer() {
    return started(installer, "the installer");
  }

  /** The work directory: the host tree (unless given), the installation and {@code download}. */
  public synchronized Path workDirectory() {
    return started(workDirectory, "the work directory");
  }

  /** An empty directory under the work directory for the installer downloads. */
  public synchronized Path downloadDirectory() {
    return workDirectory().resolve("download");
  }

  /** The root of the host tree whose disks the fake installer sees. */
  public synchronized Path hostRoot() {
    return started(hostRoot, "the host tree");
  }

  /** The fake host: {@link LocalHost#rootedAt(Path)} the {@link #hostRoot()}. */
  public Host host() {
    return LocalHost.rootedAt(hostRoot());
  }

  private <T> T started(T part, String name) {
    if (state == State.NEW) {
      throw new IllegalStateException("start() this MgnSandbox first");
    }
    if (part == null) {
      throw new IllegalStateException("this MgnSandbox failed to start before " + name);
    }
    return part;
  }

  /**
   * Closes the bucket and the MGN (unless shared) and deletes a temporary work directory, which
   * only the sandbox wrote to; a given work directory and host tree are left. Closing one part that
   * fails does not keep the others open; the first failure is thrown after, with the others
   * suppressed. Idempotent.
   */
  @Override
  public synchronized void close() {
    state = State.CLOSED;
    List<RuntimeException> failures = new ArrayList<>();
    if (bucket != null) {
      closeQuietly(bucket::close, failures);
    }
    if (ownsMgn) {
      closeQuietly(mgn::close, failures);
      closeQuietly(ec2::close, failures);
      closeQuietly(sts::close, failures);
      closeQuietly(iam::close, failures);
    }
    if (deleteWorkDirectory) {
      deleteWorkDirectory = false;
      closeQuietly(() -> deleteRecursively(workDirectory), failures);
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  private static void closeQuietly(Runnable close, List<RuntimeException> failures) {
    try {
      close.run();
    } catch (RuntimeException e) {
      failures.add(e);
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the sandbox's work directory " + root, e);
    }
  }

  /** Configures an {@link MgnSandbox}; {@link #build()} it, then {@link MgnSandbox#start()} it. */
  public static final class Builder {
    private final FakeMgn.Builder mgnBuilder = FakeMgn.builder().sandboxSimulation();
    private final Set<String> mgnSettings = new LinkedHashSet<>();
    private FakeMgn sharedMgn;
    private Set<InstallerFlavor> flavors = EnumSet.allOf(InstallerFlavor.class);
    private Path workDirectory;
    private Path hostRoot;
    private FakeBlockDevicesBuilder hostScenario;
    private String hostname;
    private String macAddress;
    private int s3Port;
    private UnaryOperator<FakeInstaller.Builder> installerSettings = b -> b;

    private Builder() {}

    /** Any other {@link FakeInstaller.Builder} setting (prompt mode, buffering, ...). */
    public Builder configureInstaller(UnaryOperator<FakeInstaller.Builder> settings) {
      this.installerSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The region of the MGN and of the bucket names, {@code us-east-1} by default. */
    public Builder region(String region) {
      return region(Region.of(Objects.requireNonNull(region, "region")));
    }

    /** The region of the MGN and of the bucket names. */
    public Builder region(Region region) {
      mgnBuilder.region(region);
      mgnSettings.add("region");
      return this;
    }

    /** Starts MGN already initialized, as if {@code InitializeService} had been called. */
    public Builder initialized(boolean initialized) {
      mgnBuilder.initialized(initialized);
      mgnSettings.add("initialized");
      return this;
    }

    /**
     * Runs the replication simulation on the wall clock sped up {@code factor} times (60 by
     * default, with {@link SimulationSettings#sandbox()}).
     */
    public Builder simulationSpeed(double factor) {
      mgnBuilder.simulationSpeed(factor);
      mgnSettings.add("simulationSpeed");
      return this;
    }

    /** Runs the replication simulation on {@code clock}, such as a {@code SteppedClock}. */
    public Builder simulationClock(Clock clock) {
      mgnBuilder.simulationClock(clock);
      mgnSettings.add("simulationClock");
      return this;
    }

    /** How fast simulated replication goes ({@link SimulationSettings#sandbox()} by default). */
    public Builder simulation(SimulationSettings settings) {
      mgnBuilder.simulation(settings);
      mgnSettings.add("simulation");
      return this;
    }

    /** The MGN port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder mgnPort(int port) {
      mgnBuilder.port(port);
      mgnSettings.add("mgnPort");
      return this;
    }

    /** Any other {@link FakeMgn.Builder} setting (account ID, wall clock...). */
    public Builder configureMgn(Consumer<FakeMgn.Builder> settings) {
      settings.accept(mgnBuilder);
      mgnSettings.add("configureMgn");
      return this;
    }

    /**
     * Serves installations against this already-started MGN instead of its own, which the sandbox
     * neither starts nor closes: several sandboxes (several fake hosts) can share one MGN. The
     * region, initialization and simulation are then the shared MGN's.
     */
    public Builder sharedMgn(FakeMgn mgn) {
      this.sharedMgn = Objects.requireNonNull(mgn, "mgn");
      return this;
    }

    /** The S3 port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder s3Port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("bad port " + port);
      }
      this.s3Port = port;
      return this;
    }

    /** The installer flavors the bucket publishes (both by default). */
    public Builder flavors(InstallerFlavor... flavors) {
      if (flavors.length == 0) {
        throw new IllegalArgumentException("a sandbox publishes at least one installer flavor");
      }
      this.flavors = EnumSet.of(flavors[0], flavors);
      return this;
    }

    /**
     * The host tree the fake installer reads (its disks, hostname), such as one written by {@code
     * FakeBlockDevices}, or {@code /} for this machine's own disks, which are only read.
     */
    public Builder hostRoot(Path hostRoot) {
      this.hostRoot = Objects.requireNonNull(hostRoot, "hostRoot");
      this.hostScenario = null;
      return this;
    }

    /** The fake host, written under the work directory at start. */
    public Builder host(FakeBlockDevicesBuilder scenario) {
      this.hostScenario = Objects.requireNonNull(scenario, "scenario");
      this.hostRoot = null;
      return this;
    }

    /** The hostname the fake installer reports (default: the host tree's, else a fixed one). */
    public Builder hostname(String hostname) {
      this.hostname = Objects.requireNonNull(hostname, "hostname");
      return this;
    }

    /** The primary MAC address the fake installer reports; MGN tells hosts apart by it. */
    public Builder macAddress(String macAddress) {
      this.macAddress = Objects.requireNonNull(macAddress, "macAddress");
      return this;
    }

    /**
     * The work directory (created when missing, left at close); by default a new temporary
     * directory, deleted at close.
     */
    public Builder workDirectory(Path workDirectory) {
      this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
      return this;
    }

    /**
     * The sandbox, not started yet.
     *
     * @throws IllegalStateException when a shared MGN is combined with MGN settings
     */
    public MgnSandbox build() {
      if (hostRoot == null && hostScenario == null) {
        hostScenario = FakeBlockDeviceScenarios.virtioWithSeparateBoot();
      }
      if (sharedMgn != null) {
        if (!mgnSettings.isEmpty()) {
          throw new IllegalStateException(
              "a shared FakeMgn brings its own settings; drop "
                  + String.join(", ", mgnSettings)
                  + " or the shared FakeMgn");
        }
        return new MgnSandbox(this, sharedMgn, false, null);
      }
      FakeMgn mgn = mgnBuilder.build();
      FakeIam iam = FakeIam.builder().accountId(mgn.accountId()).build();
      return new MgnSandbox(this, mgnBuilder.iam(iam).build(), true, iam);
    }
  }
}
