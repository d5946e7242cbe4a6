package dev.mgnagent.install.internal;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFailed;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.install.InstallStepStarted;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.install.RunningInstallation;
import dev.mgnagent.Backoff;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.Sleeper;
import dev.mgnagent.installer.UrlStyle;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.SelectedDisk;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import dev.mgnagent.installer.AgentRegistrar;
import dev.mgnagent.credentials.CredentialsResolver;
import dev.mgnagent.installer.Registration;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ReplicationWatcher;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.WatchResult;
import dev.mgnagent.installer.RegistrationRequest;
import dev.mgnagent.credentials.ResolvedCredentials;
import dev.mgnagent.mgn.internal.MgnClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.mgn.MgnClient;

/** {@link AgentInstallation}: the steps in order, each reported as events. */
public final class DefaultAgentInstallation implements AgentInstallation {

  private static final double GIB = 1024.0 * 1024 * 1024;

  private final Host host;
  private final EventListener listener;
  private final Optional<Path> workDirectory;
  private final Duration installerTimeout;
  private final Optional<AwsCredentialsProvider> serviceCredentials;
  private final Function<InstallRequest, InstallerLocation> location;
  private final Optional<Boolean> runAsRoot;
  private final Duration watchInterval;
  private final Duration watchTimeout;
  private final int downloadAttempts;
  private final Backoff downloadBackoff;
  private final Duration stallTimeout;
  private final Sleeper sleeper;
  private final Optional<Duration> confirmationInterval;
  private final int confirmationAttempts;
  private final Optional<RetryStrategy> mgnRetries;

  private DefaultAgentInstallation(BuilderImpl b) {
    this.downloadAttempts = b.downloadAttempts;
    this.downloadBackoff = b.downloadBackoff;
    this.stallTimeout = b.stallTimeout;
    this.sleeper = b.sleeper;
    this.confirmationInterval = Optional.ofNullable(b.confirmationInterval);
    this.confirmationAttempts = b.confirmationAttempts;
    this.mgnRetries = Optional.ofNullable(b.mgnRetries);
    this.watchInterval = b.watchInterval;
    this.watchTimeout = b.watchTimeout;
    this.host = b.host;
    this.listener = b.listener;
    this.workDirectory = Optional.ofNullable(b.workDirectory);
    this.installerTimeout = b.installerTimeout;
    this.serviceCredentials = Optional.ofNullable(b.serviceCredentials);
    this.location = b.location;
    this.runAsRoot = Optional.ofNullable(b.runAsRoot);
  }

  @Override
  public RunningInstallation start(InstallRequest request) {
    Objects.requireNonNull(request, "request");
    return new BackgroundInstallation(() -> install(request));
  }

  @Override
  public InstallationResult install(InstallRequest request) {
    Downloads downloads = new Downloads();
    boolean succeeded = false;
    try {
      InstallationResult result = install(request, downloads);
      succeeded = true;
      return result;
    } finally {
      downloads.cleanUp(succeeded);
    }
  }

  private InstallationResult install(InstallRequest request, Downloads downloads) {
    Selection selection = step(InstallStep.VALIDATE, "checking the request and the disks",
        () -> select(request), s -> "the request is valid; " + s.disks().size() + " disk(s) to replicate");
    ResolvedCredentials credentials = step(InstallStep.CREDENTIALS, "choosing the credentials",
        () -> credentials(request), c -> "using " + c.description());
    Region region = Region.of(request.region());
    List<String> warnings = new ArrayList<>();
    try (MgnClient service = MgnClientFactory.create(region,
        Optional.of(serviceCredentials.orElse(credentials.provider())), request.endpoint(),
        mgnRetries)) {
      step(InstallStep.PREFLIGHT, "checking the server against MGN's requirements",
          () -> preflight(request, region, service, warnings), s -> s);
      step(InstallStep.SERVICE, "checking that MGN is initialized in " + region.id(),
          () -> ServiceCheck.ensureInitialized(service, request, warnings)
              + ServiceCheck.refuseTagsOnReinstall(host, service, request, warnings), s -> s);
      Registration registration;
      try (InstallLock lock = new InstallLock()) { // one installer at a time on this host
        VerificationResult.Verified installer = step(InstallStep.VERIFY_INSTALLER,
            "downloading the installer and checking its SHA-512", () -> {
              lock.take(host);
              return verify(request, downloads);
            },
            v -> "verified " + v.path() + " (" + v.sizeBytes() + " bytes, sha512 "
                + v.sha512().substring(0, 16) + "...)");
        step(InstallStep.SELECT_DISKS, "selecting the disks", () -> selection,
            DefaultAgentInstallation::describe);
        registration = step(InstallStep.INSTALL, "running the installer",
            () -> registrar(service).register(installer, registrationRequest(request, credentials,
                selection)),
            r -> "the source server ID is " + r.sourceServerId());
      }
      warnings.addAll(registration.warnings());
      Optional<WatchResult> sync = Optional.empty();
      if (request.watch()) {
        sync = Optional.of(step(InstallStep.WATCH, "following the initial sync",
            () -> watch(service, registration.sourceServerId()),
            w -> "replication " + w.outcome().name().toLowerCase(Locale.ROOT) + ": "
                + w.servers().stream().map(this::describeStatus).toList()));
      }
      return new InstallationResult(registration.sourceServerId(), selection,
          registration.registeredDisks(), warnings, sync);
    }
  }

  /** Runs the preflight checks; {@link PreflightGate} decides whether a failure stops. */
  private String preflight(InstallRequest request, Region region, MgnClient service,
      List<String> warnings) {
    Preflight.Builder checks = Preflight.builder().host(host).region(region)
        .flavor(request.flavor()).mgnClient(service);
    request.endpoint().ifPresent(checks::endpoint);
    request.s3Endpoint().ifPresent(checks::s3Endpoint);
    return PreflightGate.apply(checks.build().run(), request, warnings);
  }

  private WatchResult watch(MgnClient service, dev.mgnagent.mgn.SourceServerId id) {
    try {
      return ReplicationWatcher.builder()
          .reader(ReplicationStatusReader.of(service))
          .ids(List.of(id))
          .interval(watchInterval)
          .timeout(watchTimeout)
          .listener(listener)
          .build()
          .watch();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MgnAgentException("interrupted while following the initial sync", e);
    }
  }

  private String describeStatus(ServerReplicationStatus status) {
    return status.id() + " " + status.replicationState().orElse("-") + " "
        + Math.round(status.percent()) + "%";
  }

  @Override
  public List<String> dryRun(InstallRequest request) {
    Selection selection = select(request);
    ResolvedCredentials credentials = credentials(request);
    Path target = workDirectory.orElse(Path.of(".")).resolve(fileName(request.flavor()));
    return registrar(null).commandLine(target, request.flavor(),
        registrationRequest(request, credentials, selection));
  }

  private Selection select(InstallRequest request) {
    ReplicationSelection rules =
        ReplicationSelection.of(DiskInventory.of(host).read(), DevicePaths.of(host));
    return rules.select(new SelectionRequest(request.devices(), request.forceVolumes(),
        request.noPrompt()));
  }

  private ResolvedCredentials credentials(InstallRequest request) {
    CredentialsResolver.Builder resolver = CredentialsResolver.builder()
        .environment(host.environment());
    request.accessKeyId().ifPresent(resolver::accessKeyId);
    request.secretAccessKey().ifPresent(resolver::secretAccessKey);
    request.sessionToken().ifPresent(resolver::sessionToken);
    request.profile().ifPresent(resolver::profile);
    ResolvedCredentials resolved = resolver.build().resolve();
    try {
      resolved.provider().resolveCredentials();
    } catch (SdkClientException e) {
      throw new InvalidRequestException("--aws-access-key-id", "no AWS credentials found: pass"
          + " --aws-access-key-id and --aws-secret-access-key, or --profile, or set"
          + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
    return resolved;
  }





  private VerificationResult.Verified verify(InstallRequest request, Downloads downloads) {
    InstallerVerifier verifier = InstallerVerifier.builder()
        .location(location.apply(request))
        .eventListener(listener)
        .httpsProxy(variable("https_proxy"))
        .noProxy(variable("no_proxy"))
        .replaceExisting(true)
        .maxAttempts(downloadAttempts)
        .backoff(downloadBackoff)
        .stallTimeout(stallTimeout)
        .sleeper(sleeper)
        .build();
    Path directory;
    if (workDirectory.isPresent()) {
      directory = workDirectory.get();
      downloads.installerInCallerDirectory = directory.resolve(fileName(request.flavor()));
    } else {
      directory = Downloads.temporaryDirectory(host.environment());
      downloads.createdDirectory = directory;
    }
    VerificationResult result = verifier.download(directory.resolve(fileName(request.flavor())));
    if (result instanceof VerificationResult.Mismatch mismatch) {
      throw new MgnAgentException("the installer from " + mismatch.url() + " does not match its"
          + " published SHA-512 (expected " + mismatch.expected() + ", got " + mismatch.actual()
          + "); it was deleted and nothing was run");
    }
    return (VerificationResult.Verified) result;
  }

  private AgentRegistrar registrar(MgnClient service) {
    AgentRegistrar.Builder builder = AgentRegistrar.builder().host(host).eventListener(listener)
        .timeout(installerTimeout).sleeper(sleeper);
    confirmationInterval.ifPresent(i -> builder.confirmationPolling(i, confirmationAttempts));
    runAsRoot.ifPresent(builder::runAsRoot);
    if (service != null) {
      builder.confirmWith(service);
    }
    return builder.build();
  }

  private static RegistrationRequest registrationRequest(
      InstallRequest request, ResolvedCredentials credentials, Selection selection) {
    RegistrationRequest.Builder builder = RegistrationRequest.builder()
        .region(Region.of(request.region()))
        .credentials(credentials.provider())
        .selection(selection)
        .tags(request.tags())
        .noReplication(request.noReplication())
        .dualstack(request.dualstack())
        .allowSecretOnCommandLine(request.allowSecretOnCommandLine());
    request.endpoint().ifPresent(builder::endpoint);
    request.s3Endpoint().ifPresent(builder::s3Endpoint);
    request.userProvidedId().ifPresent(builder::userProvidedId);
    return builder.build();
  }

  /** The seed's own words for each selected disk. */
  static String describe(Selection selection) {
    List<String> lines = new ArrayList<>();
    for (SelectedDisk disk : selection.disks()) {
      double gib = disk.sizeBytes() / GIB;
      String size = gib == Math.rint(gib) ? Long.toString((long) gib)
          : String.format(Locale.ROOT, "%.1f", gib);
      lines.add("Disk to replicate identified: " + disk.path() + " of size " + size + " GiB");
    }
    return String.join("\n", lines);
  }

  private <T> T step(InstallStep step, String description, Supplier<T> body,
      Function<T, String> summary) {
    listener.onEvent(new InstallStepStarted(step, description));
    try {
      T result = body.get();
      listener.onEvent(new InstallStepFinished(step, summary.apply(result)));
      return result;
    } catch (RuntimeException e) {
      listener.onEvent(new InstallStepFailed(step, String.valueOf(e.getMessage())));
      throw e;
    }
  }

  private String variable(String lowerCase) {
    String value = host.environment().get(lowerCase);
    return value != null ? value : host.environment().get(lowerCase.toUpperCase(Locale.ROOT));
  }

  private static String fileName(InstallerFlavor flavor) {
    return flavor == InstallerFlavor.PYTHON
        ? "aws-replication-installer-init.py" : "aws-replication-installer-init";
  }

  /** Builds an {@link DefaultAgentInstallation}. */
  public static final class BuilderImpl implements AgentInstallation.Builder {
    private Host host = LocalHost.create();
    private EventListener listener = EventListener.NONE;
    private Path workDirectory;
    private Duration installerTimeout = Duration.ofMinutes(30);
    private AwsCredentialsProvider serviceCredentials;
    private Function<InstallRequest, InstallerLocation> location = r -> r.s3Endpoint()
        .map(e -> InstallerLocation.viaEndpoint(r.region(), e.toString(), r.flavor()))
        .orElseGet(() -> InstallerLocation.of(r.region(), r.flavor(), UrlStyle.REGIONAL));
    private Boolean runAsRoot;
    private Duration watchInterval = Duration.ofSeconds(10);
    private Duration watchTimeout = Duration.ofHours(12);
    private int downloadAttempts = 5;
    private Backoff downloadBackoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(16));
    private Duration stallTimeout = Duration.ofSeconds(30);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Duration confirmationInterval;
    private int confirmationAttempts;
    private RetryStrategy mgnRetries;

    @Override
    public Builder downloadRetries(int maxAttempts, Backoff backoff, Duration stallTimeout) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      if (stallTimeout.isNegative() || stallTimeout.isZero()) {
        throw new IllegalArgumentException("stallTimeout must be positive: " + stallTimeout);
      }
      this.downloadAttempts = maxAttempts;
      this.downloadBackoff = Objects.requireNonNull(backoff, "backoff");
      this.stallTimeout = stallTimeout;
      return this;
    }

    @Override
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    @Override
    public Builder confirmationPolling(Duration interval, int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
      }
      this.confirmationInterval = Objects.requireNonNull(interval, "interval");
      this.confirmationAttempts = attempts;
      return this;
    }

    @Override
    public Builder mgnRetryStrategy(RetryStrategy strategy) {
      this.mgnRetries = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    @Override
    public Builder watch(Duration interval, Duration timeout) {
      this.watchInterval = Objects.requireNonNull(interval, "interval");
      this.watchTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    @Override
    public Builder host(Host host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    @Override
    public Builder eventListener(EventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    @Override
    public Builder workDirectory(Path directory) {
      this.workDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    @Override
    public Builder installerTimeout(Duration timeout) {
      this.installerTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    @Override
    public Builder serviceCredentials(AwsCredentialsProvider provider) {
      this.serviceCredentials = Objects.requireNonNull(provider, "provider");
      return this;
    }

    @Override
    public Builder installerLocation(Function<InstallRequest, InstallerLocation> location) {
      this.location = Objects.requireNonNull(location, "location");
      return this;
    }

    @Override
    public Builder runAsRoot(boolean root) {
      this.runAsRoot = root;
      return this;
    }

    @Override
    public AgentInstallation build() {
      return new DefaultAgentInstallation(this);
    }
  }
}
