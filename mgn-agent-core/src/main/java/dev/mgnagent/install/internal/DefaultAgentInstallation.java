package dev.mgnagent.install.internal;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.ProxyRoute;
import dev.mgnagent.Sleeper;
import dev.mgnagent.Warning;
import dev.mgnagent.credentials.CredentialsResolver;
import dev.mgnagent.credentials.ResolvedCredentials;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.internal.GuardedListener;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFailed;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.install.InstallStepStarted;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.install.RunningInstallation;
import dev.mgnagent.installer.AgentRegistrar;
import dev.mgnagent.installer.DownloadSettings;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerMismatchException;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.installer.Registration;
import dev.mgnagent.installer.RegistrationRequest;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.installer.internal.RemoteInstaller;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ReplicationWatcher;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.WatchResult;
import dev.mgnagent.mgn.WatchSettings;
import dev.mgnagent.mgn.internal.MgnClientFactory;
import dev.mgnagent.mgn.internal.SharedMgnClients;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.preflight.PreflightSettings;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.SelectedDisk;
import dev.mgnagent.selection.Selection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private final Optional<AwsCredentialsProvider> serviceCredentials;
  private final Function<InstallRequest, InstallerLocation> location;
  private final Optional<Boolean> runAsRoot;
  private final DownloadSettings downloadSettings;
  private final RegistrarSettings registrarSettings;
  private final WatchSettings watchSettings;
  private final Sleeper sleeper;
  private final Optional<RetryStrategy> mgnRetries;
  private final Optional<VerificationResult.Verified> verifiedInstaller;
  private final Optional<Map<String, String>> proxyEnvironment;
  private final Optional<SharedMgnClients> sharedClients;

  private DefaultAgentInstallation(BuilderImpl b) {
    this.downloadSettings = b.downloadSettings;
    this.registrarSettings = b.registrarSettings;
    this.watchSettings = b.watchSettings;
    this.sleeper = b.sleeper;
    this.mgnRetries = Optional.ofNullable(b.mgnRetries);
    this.host = b.host;
    this.listener = b.listener;
    this.workDirectory = Optional.ofNullable(b.workDirectory);
    this.serviceCredentials = Optional.ofNullable(b.serviceCredentials);
    this.location = b.location;
    this.runAsRoot = Optional.ofNullable(b.runAsRoot);
    this.verifiedInstaller = Optional.ofNullable(b.verifiedInstaller);
    this.proxyEnvironment = Optional.ofNullable(b.proxyEnvironment);
    this.sharedClients = Optional.ofNullable(b.sharedClients);
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

  /** Where the proxy route is read from: see {@link AgentInstallation.Builder#proxyEnvironment}. */
  private Map<String, String> proxyEnvironment() {
    return proxyEnvironment.orElseGet(
        () -> RemoteInstaller.isRemote(host) ? Map.of() : host.environment());
  }

  private InstallationResult install(InstallRequest request, Downloads downloads) {
    ProxyRoute[] route = {ProxyRoute.DIRECT};
    Inventory[] inventory = {null}; // read once here, and checked by the preflight too
    Selection selection =
        step(
            InstallStep.VALIDATE,
            "checking the request and the disks",
            () -> {
              // one route for the download and every AWS call, read (and checked) once; they run
              // on this machine, so a remote host's proxy variables are not theirs
              route[0] = ProxyRoute.fromEnvironment(proxyEnvironment());
              inventory[0] = DiskInventory.of(host).read();
              return select(request, inventory[0]);
            },
            s -> "the request is valid; " + s.disks().size() + " disk(s) to replicate");
    List<Warning> warnings = new ArrayList<>();
    route[0].note().ifPresent(n -> warnings.add(new Warning(Warning.Code.PROXY_SCHEME, n)));
    ResolvedCredentials credentials =
        step(
            InstallStep.CREDENTIALS,
            "choosing the credentials",
            () -> credentials(request),
            c -> "using " + c.description());
    Region region = request.region();
    try (ServiceClient client = serviceClient(region, credentials, request, route[0])) {
      MgnClient service = client.mgn();
      step(
          InstallStep.PREFLIGHT,
          "checking the server against MGN's requirements",
          () -> preflight(request, region, service, warnings, inventory[0]),
          s -> s);
      step(
          InstallStep.SERVICE,
          "checking that MGN is initialized in " + region.id(),
          () ->
              ServiceCheck.ensureInitialized(service, request, warnings, route[0])
                  + ServiceCheck.refuseTagsOnReinstall(host, service, request, warnings),
          s -> s);
      Registration registration;
      try (InstallLock lock = new InstallLock()) { // one installer at a time on this host
        VerificationResult.Verified installer =
            step(
                InstallStep.VERIFY_INSTALLER,
                "downloading the installer and checking its SHA-512",
                () -> {
                  lock.take(host);
                  return verify(request, downloads, route[0]);
                },
                v ->
                    "verified "
                        + v.path()
                        + " ("
                        + v.sizeBytes()
                        + " bytes, sha512 "
                        + v.sha512().substring(0, 16)
                        + "...)");
        step(
            InstallStep.SELECT_DISKS,
            "selecting the disks",
            () -> selection,
            DefaultAgentInstallation::describe);
        registration =
            step(
                InstallStep.INSTALL,
                "running the installer",
                () ->
                    registrar(service)
                        .register(installer, registrationRequest(request, credentials, selection)),
                r -> "the source server ID is " + r.sourceServerId());
      }
      warnings.addAll(registration.warnings());
      Optional<WatchResult> sync = Optional.empty();
      if (request.watch()) {
        sync =
            Optional.of(
                step(
                    InstallStep.WATCH,
                    "following the initial sync",
                    () -> watch(service, registration.sourceServerId()),
                    w ->
                        "replication "
                            + w.outcome().name().toLowerCase(Locale.ROOT)
                            + ": "
                            + w.servers().stream().map(this::describeStatus).toList()));
      }
      return new InstallationResult(
          registration.sourceServerId(), selection, registration.registeredDisks(), warnings, sync);
    }
  }

  /**
   * The MGN client of this installation: a client of its own, closed at its end, or one of the
   * shared clients a fleet gave ({@link BuilderImpl#sharedMgnClients}), which the fleet closes.
   */
  private ServiceClient serviceClient(
      Region region, ResolvedCredentials credentials, InstallRequest request, ProxyRoute route) {
    AwsCredentialsProvider provider = serviceCredentials.orElse(credentials.provider());
    if (sharedClients.isPresent()) {
      MgnClient shared =
          sharedClients
              .get()
              .get(
                  region,
                  provider,
                  serviceCredentials.isPresent(),
                  request.endpoint(),
                  mgnRetries,
                  route);
      return new ServiceClient(shared, false);
    }
    return new ServiceClient(
        MgnClientFactory.create(
            region, Optional.of(provider), request.endpoint(), mgnRetries, route),
        true);
  }

  /** An MGN client, closed at the installation's end when it is the installation's own. */
  private record ServiceClient(MgnClient mgn, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        mgn.close();
      }
    }
  }

  /** Runs the preflight checks; {@link PreflightGate} decides whether a failure stops. */
  private String preflight(
      InstallRequest request,
      Region region,
      MgnClient service,
      List<Warning> warnings,
      Inventory inventory) {
    PreflightSettings.Builder settings =
        PreflightSettings.builder().region(region).flavor(request.flavor()).mgnClient(service);
    request.endpoint().ifPresent(settings::endpoint);
    request.s3Endpoint().ifPresent(settings::s3Endpoint);
    Preflight checks =
        Preflight.builder().host(host).settings(settings.build()).inventory(inventory).build();
    return PreflightGate.apply(checks.run(), request, warnings);
  }

  private WatchResult watch(MgnClient service, SourceServerId id) {
    try {
      return ReplicationWatcher.builder()
          .reader(ReplicationStatusReader.of(service))
          .ids(List.of(id))
          .settings(watchSettings)
          .eventListener(listener)
          .build()
          .watch();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MgnAgentException("interrupted while following the initial sync", e);
    }
  }

  private String describeStatus(ServerReplicationStatus status) {
    return status.id()
        + " "
        + status.replicationState().orElse("-")
        + " "
        + Math.round(status.percent())
        + "%";
  }

  @Override
  public List<String> dryRun(InstallRequest request) {
    Selection selection = select(request);
    ResolvedCredentials credentials = credentials(request);
    Path target = workDirectory.orElse(Path.of(".")).resolve(request.flavor().fileName());
    return registrar(null)
        .commandLine(
            target, request.flavor(), registrationRequest(request, credentials, selection));
  }

  private Selection select(InstallRequest request) {
    return select(request, DiskInventory.of(host).read());
  }

  private Selection select(InstallRequest request, Inventory inventory) {
    ReplicationSelection rules = ReplicationSelection.of(inventory, DevicePaths.of(host));
    return rules.select(request.selection());
  }

  private ResolvedCredentials credentials(InstallRequest request) {
    CredentialsResolver.Builder resolver =
        CredentialsResolver.builder().environment(host.environment());
    request.accessKeyId().ifPresent(resolver::accessKeyId);
    request.secretAccessKey().ifPresent(resolver::secretAccessKey);
    request.sessionToken().ifPresent(resolver::sessionToken);
    request.profile().ifPresent(resolver::profile);
    ResolvedCredentials resolved = resolver.build().resolve();
    try {
      resolved.provider().resolveCredentials();
    } catch (SdkClientException e) {
      throw new InvalidRequestException(
          "credentials",
          "no AWS credentials found: give"
              + " keys or a profile, or put keys in the host's environment");
    }
    return resolved;
  }

  private VerificationResult.Verified verify(
      InstallRequest request, Downloads downloads, ProxyRoute route) {
    if (verifiedInstaller.isPresent()) {
      return alreadyVerified(request, verifiedInstaller.get());
    }
    boolean remote = RemoteInstaller.isRemote(host);
    InstallerVerifier.Builder verifierBuilder =
        InstallerVerifier.builder()
            .location(location.apply(request))
            .eventListener(listener)
            .proxyRoute(route)
            .replaceExisting(true)
            .downloadSettings(downloadSettings)
            .sleeper(sleeper);
    request.installerSha512().ifPresent(verifierBuilder::expectedSha512);
    InstallerVerifier verifier = verifierBuilder.build();
    Path directory;
    if (workDirectory.isPresent()) {
      directory = workDirectory.get();
    } else {
      // a remote host's TMPDIR names a directory there, never one on this machine
      directory = Downloads.temporaryDirectory(remote ? Map.of() : host.environment());
      downloads.createdDirectory = directory;
    }
    VerificationResult result = verifier.download(directory.resolve(request.flavor().fileName()));
    if (result instanceof VerificationResult.Mismatch mismatch) {
      throw new InstallerMismatchException(mismatch.url(), mismatch.expected(), mismatch.actual());
    }
    if (workDirectory.isPresent()) {
      // only now is the file in the caller's directory ours: a download that failed left an
      // installer that was there before untouched, and it must stay
      downloads.installerInCallerDirectory = ((VerificationResult.Verified) result).path();
    }
    return (VerificationResult.Verified) result;
  }

  /**
   * The caller's verified installer, for the request's flavor. On this machine it is hashed again
   * before it runs (the file may have changed since); a remote host checks the uploaded copy.
   */
  private VerificationResult.Verified alreadyVerified(
      InstallRequest request, VerificationResult.Verified installer) {
    if (installer.flavor() != request.flavor()) {
      throw new InvalidRequestException(
          "verifiedInstaller",
          "the verified installer is the "
              + installer.flavor().name().toLowerCase(Locale.ROOT)
              + " flavor, the request asks for "
              + request.flavor().name().toLowerCase(Locale.ROOT));
    }
    if (!RemoteInstaller.isRemote(host)) {
      String actual = LocalSha512.of(installer.path());
      if (!actual.equals(installer.sha512())) {
        throw new InstallerMismatchException(installer.sourceUrl(), installer.sha512(), actual);
      }
    }
    return installer;
  }

  private AgentRegistrar registrar(MgnClient service) {
    AgentRegistrar.Builder builder =
        AgentRegistrar.builder()
            .host(host)
            .eventListener(listener)
            .settings(registrarSettings)
            .sleeper(sleeper);
    runAsRoot.ifPresent(builder::runAsRoot);
    if (service != null) {
      builder.confirmWith(service);
    }
    return builder.build();
  }

  private static RegistrationRequest registrationRequest(
      InstallRequest request, ResolvedCredentials credentials, Selection selection) {
    RegistrationRequest.Builder builder =
        RegistrationRequest.builder()
            .region(request.region())
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
      String size =
          gib == Math.rint(gib)
              ? Long.toString((long) gib)
              : String.format(Locale.ROOT, "%.1f", gib);
      lines.add("Disk to replicate identified: " + disk.path() + " of size " + size + " GiB");
    }
    return String.join("\n", lines);
  }

  private <T> T step(
      InstallStep step, String description, Supplier<T> body, Function<T, String> summary) {
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

  /** Builds an {@link DefaultAgentInstallation}. */
  public static final class BuilderImpl implements AgentInstallation.Builder {
    private Host host = LocalHost.create();
    private EventListener listener = EventListener.NONE;
    private Path workDirectory;
    private AwsCredentialsProvider serviceCredentials;
    private Function<InstallRequest, InstallerLocation> location =
        InstallRequest::installerLocation;
    private Boolean runAsRoot;
    private DownloadSettings downloadSettings = DownloadSettings.defaults();
    private RegistrarSettings registrarSettings = RegistrarSettings.defaults();
    private WatchSettings watchSettings = WatchSettings.defaults();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RetryStrategy mgnRetries;
    private VerificationResult.Verified verifiedInstaller;
    private Map<String, String> proxyEnvironment;
    private SharedMgnClients sharedClients;

    /**
     * Takes the MGN client from {@code clients} (shared with other installations, closed by their
     * owner) instead of building and closing one of its own. Not part of {@link
     * AgentInstallation.Builder}: a fleet's own setting for the installations it starts.
     */
    public BuilderImpl sharedMgnClients(SharedMgnClients clients) {
      this.sharedClients = Objects.requireNonNull(clients, "clients");
      return this;
    }

    /** The shared MGN clients given to {@link #sharedMgnClients}, if any. */
    public Optional<SharedMgnClients> sharedMgnClients() {
      return Optional.ofNullable(sharedClients);
    }

    @Override
    public Builder proxyEnvironment(Map<String, String> environment) {
      this.proxyEnvironment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
      return this;
    }

    @Override
    public Builder verifiedInstaller(VerificationResult.Verified installer) {
      this.verifiedInstaller = Objects.requireNonNull(installer, "installer");
      return this;
    }

    @Override
    public Builder downloadSettings(DownloadSettings settings) {
      this.downloadSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    @Override
    public Builder registrarSettings(RegistrarSettings settings) {
      this.registrarSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    @Override
    public Builder watchSettings(WatchSettings settings) {
      this.watchSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    @Override
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    @Override
    public Builder mgnRetryStrategy(RetryStrategy strategy) {
      this.mgnRetries = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    @Override
    public Builder host(Host host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    @Override
    public Builder eventListener(EventListener listener) {
      this.listener = GuardedListener.guard(listener);
      return this;
    }

    @Override
    public Builder workDirectory(Path directory) {
      this.workDirectory = Objects.requireNonNull(directory, "directory");
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
