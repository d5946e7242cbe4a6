package dev.mgnagent.testkit.mgn;

import com.sun.net.httpserver.HttpServer;
import dev.mgnagent.testkit.Startable;
import dev.mgnagent.testkit.aws.FakeIam;
import dev.mgnagent.testkit.aws.internal.KeyRing;
import dev.mgnagent.testkit.aws.internal.SigV4Verifier;
import dev.mgnagent.testkit.internal.LoopbackHttpServer;
import dev.mgnagent.testkit.mgn.internal.Faults;
import dev.mgnagent.testkit.mgn.internal.Ids;
import dev.mgnagent.testkit.mgn.internal.MgnHttpHandler;
import dev.mgnagent.testkit.mgn.internal.MgnState;
import dev.mgnagent.testkit.mgn.internal.Routes;
import dev.mgnagent.testkit.mgn.internal.ScaledClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.MgnClientBuilder;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * A fake AWS Application Migration Service (MGN) on {@code 127.0.0.1} that the real AWS SDKs talk
 * to over HTTP: REST-JSON as MGN speaks it, SigV4 verified with the keys it was given, and each key
 * limited to a set of IAM actions.
 *
 * <pre>{@code
 * try (FakeMgn mgn = FakeMgn.builder().build().start();
 *      MgnClient client = mgn.newClient()) {
 *   client.initializeService(r -> {});
 *   String id = mgn.addSourceServer(s -> s.hostname("web-1").disk("/dev/vda", 20L << 30));
 *   client.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(id))).items();
 * }
 * }</pre>
 *
 * <p>Operations: {@code InitializeService} (which, as the real one, creates no template), {@code
 * CreateReplicationConfigurationTemplate}, {@code UpdateReplicationConfigurationTemplate}, {@code
 * CreateLaunchConfigurationTemplate}, {@code DescribeLaunchConfigurationTemplates}, {@code
 * DescribeSourceServers}, {@code TagResource}/{@code UntagResource}/{@code ListTagsForResource}
 * ({@code /tags/{arn}}), {@code DisconnectFromService}, {@code MarkAsArchived}, {@code
 * DeleteSourceServer}, {@code GetReplicationConfiguration}, {@code StartReplication} and {@code
 * DescribeReplicationConfigurationTemplates}. Any other real MGN operation answers a {@code
 * ValidationException} saying the fake does not support it yet; a path MGN does not have answers
 * 404 {@code UnknownOperationException}. Until {@code InitializeService} is called (or {@link
 * Builder#initialized(boolean)} is set) every other operation but the tag operations (see {@link
 * Builder#tagOperationsNeedInitialization(boolean)}) answers {@code UninitializedAccountException}.
 * {@link Builder#initialized(boolean)} gives a fully initialized account: a replication and a
 * launch configuration template exist.
 *
 * <p>Answers take the form a real account's answers show: dates with microseconds and {@code
 * +00:00} ({@code 2026-11-20T10:15:30.123456+00:00}), durations such as {@code P0D} and {@code
 * PT16H20M38.697305S}, MACs such as {@code 0A-40-F1-E8-B2-2D}, {@code {}} for {@code
 * lifeCycle.lastTest} and {@code lastCutover} until there is one, {@code launchedInstance} after a
 * cutover, and the current model's twelfth initiation step {@code SETUP_FSX_PROXY} ({@link
 * Builder#fsxProxyStep(String)}).
 *
 * <p>With {@link Builder#iam(FakeIam)}, {@code InitializeService} does its IAM part in that fake
 * IAM: it creates the service-linked role {@code AWSServiceRoleForApplicationMigrationService}
 * (path {@code /aws-service-role/mgn.amazonaws.com/}) and, when one of the roles its instance
 * profiles hold is missing (replication server, conversion server, launch-instance with DRS and
 * with SSM), answers 400 {@code ValidationException} "Failed to create SLR or instance profiles",
 * leaving the service-linked role behind, as measured on a real account.
 *
 * <p>Errors are MGN's: the {@code x-amzn-ErrorType} header, a JSON {@code message} and the real
 * statuses. Authentication: a key it does not know gets 403 {@code UnrecognizedClientException}; a
 * wrong signature, a body, path, query or signed header changed after signing, or a request signed
 * more than 15 minutes away from this fake's clock gets 403 {@code InvalidSignatureException}; an
 * action the key is not allowed gets 403 {@code AccessDeniedException}.
 *
 * <h2>Replication over time</h2>
 *
 * Servers registered with {@link #registerAgent(AgentRegistration)} (or the endpoint below), and
 * servers whose replication {@code StartReplication} starts, replicate on a simulation clock that
 * the caller controls ({@link Builder#simulationClock(Clock)}, a {@link SteppedClock} for tests;
 * {@link Builder#simulationSpeed(double)} for a real clock sped up): {@code INITIATING} through the
 * initiation steps in order, {@code INITIAL_SYNC} with {@code replicatedStorageBytes} growing on
 * every disk and a falling {@code etaDateTime}, then {@code CONTINUOUS} with lifecycle {@code
 * READY_FOR_TEST} and a {@code lagDuration} ({@link SimulationSettings}). A server registered with
 * {@code noReplication} stays {@code STOPPED} until {@code StartReplication}. {@link
 * #failReplication(String, String)} and {@link #stallReplication(String)} script errors. The
 * simulation clock never drives the 15-minute SigV4 age check, which uses {@link
 * Builder#clock(Clock)}.
 *
 * <h2>The fake's own registration endpoint (not an MGN API)</h2>
 *
 * The real agent registers through a private, undocumented API. For the testkit's fake installer
 * this fake has its own, clearly separate contract:
 *
 * <pre>
 * POST /fake-agent/RegisterAgentForMgn        (SigV4, service "mgn", like every other call)
 * {"hostname":"web-1","fqdn":"web-1.example.com","macAddresses":["0A-40-F1-E8-B2-2D"],
 *  "disks":[{"deviceName":"/dev/vda","bytes":21474836480}],
 *  "hostDisks":[{"deviceName":"/dev/vda","bytes":21474836480},{"deviceName":"/dev/vdb",...}],
 *  "tags":{"team":"blue"},
 *  "userProvidedID":"asset-7","os":"Linux version ...","cpus":2,"ramBytes":4294967296,
 *  "noReplication":false}
 * 200 {"sourceServerID":"s-...","created":true}
 *
 * POST /fake-agent/GetAgentInstallationAssetsForMgn   (SigV4; {} answers {}: the credentials work)
 * </pre>
 *
 * Only {@code hostname} is required. {@code disks} become {@code replicatedDisks}; {@code
 * hostDisks} (every disk of the host; {@code disks} when missing) become {@code
 * sourceProperties.disks}. Tags and {@code userProvidedID} are checked by MGN's rules (400 {@code
 * ValidationException}). The server is identified by its first MAC address only (a host whose MAC
 * changed is a new source server), among the servers that are not archived; a match is a reinstall
 * ({@code "created": false}, same ID, the new disks, replication restarted). The key needs {@code
 * mgn:RegisterAgentForMgn} (403 {@code AccessDeniedException} otherwise); tags on a new server also
 * need {@code mgn:TagResource} or its conditional grant {@code
 * mgn:TagResource(mgn:CreateAction=RegisterAgentForMgn)} (both in {@link
 * #INSTALLATION_POLICY_ACTIONS}); tags for an existing server answer 409 {@code ConflictException}
 * saying it "already exists"; an uninitialized account answers 400 {@code
 * UninitializedAccountException}. {@code sourceProperties.disks} appears only {@link
 * SimulationSettings#disksReportDelay()} after registration.
 *
 * <h2>Faults</h2>
 *
 * {@link #failNext(String, int, int, String)}, {@link #throttleNext(String, int, int)}, {@link
 * #delayNext(String, int, Duration)} and {@link #dropNext(String, int)} act on the next calls of
 * one operation ({@code "RegisterAgentForMgn"} included) or of all ({@code "*"}).
 *
 * <p>Thread-safe. Listens on {@code 127.0.0.1} only.
 */
public final class FakeMgn implements Startable {

  /**
   * The actions of the managed policy {@code AWSApplicationMigrationAgentInstallationPolicy}, which
   * the installer's credentials should hold. {@code mgn:TagResource} is granted there only with the
   * condition {@code mgn:CreateAction = RegisterAgentForMgn}, written here as {@code
   * mgn:TagResource(mgn:CreateAction=RegisterAgentForMgn)}: it allows tagging while registering an
   * agent, not the {@code TagResource} operation itself.
   */
  public static final Set<String> INSTALLATION_POLICY_ACTIONS =
      Set.of(
          "mgn:GetAgentInstallationAssetsForMgn",
          "mgn:SendClientMetricsForMgn",
          "mgn:SendClientLogsForMgn",
          "mgn:RegisterAgentForMgn",
          "mgn:VerifyClientRoleForMgn",
          "mgn:IssueClientCertificateForMgn",
          "mgn:TagResource(mgn:CreateAction=RegisterAgentForMgn)");

  private final Region region;
  private final String accountId;
  private final int requestedPort;
  private final Clock clock;
  private final Clock simulationClock;
  private final MgnState state;
  private final KeyRing keys;
  private final Faults faults = new Faults();
  private final MgnHttpHandler handler;
  private final AwsBasicCredentials admin;
  private final AwsBasicCredentials installer;
  private final AtomicInteger userCount = new AtomicInteger();
  private HttpServer server;
  private ExecutorService executor;

  private FakeMgn(Builder b) {
    this.region = b.region;
    this.accountId = b.accountId;
    this.requestedPort = b.port;
    this.clock = b.clock;
    this.simulationClock =
        b.simulationClock != null
            ? b.simulationClock
            : b.simulationSpeed != 1.0 ? new ScaledClock(clock, b.simulationSpeed) : clock;
    this.state = new MgnState(region.id(), accountId, clock, simulationClock, b.settings);
    state.fsxProxyStepStatus(b.fsxProxyStepStatus);
    state.afterInitialSync(b.afterInitialSync, b.afterInitialSyncStep);
    state.unknownTemplateIdsNotFound(b.unknownTemplateIdsNotFound);
    state.tagOperationsNeedInitialization(b.tagOperationsNeedInitialization);
    if (b.initialized) {
      state.initialize();
    }
    if (b.iam != null) {
      FakeIam iam = b.iam;
      state.onInitializeService(() -> initializeInIam(iam));
    }
    this.keys = new KeyRing(accountId);
    this.admin = newBasicCredentials();
    this.installer = newBasicCredentials();
    keys.add(admin, Set.of("mgn:*"), "mgn-admin");
    keys.add(installer, INSTALLATION_POLICY_ACTIONS, "mgn-agent-installer");
    this.handler =
        new MgnHttpHandler(
            state, new SigV4Verifier(region.id(), "mgn", clock, keys), new Routes(state), faults);
  }

  /** The service-linked role InitializeService creates, and the roles it puts in profiles. */
  static final String SERVICE_LINKED_ROLE = "AWSServiceRoleForApplicationMigrationService";

  private static final List<String> INSTANCE_PROFILE_ROLES =
      List.of(
          "AWSApplicationMigrationReplicationServerRole",
          "AWSApplicationMigrationConversionServerRole",
          "AWSApplicationMigrationLaunchInstanceWithDrsRole",
          "AWSApplicationMigrationLaunchInstanceWithSsmRole");

  /** False when a role the instance profiles need is missing. */
  private static boolean initializeInIam(FakeIam iam) {
    if (iam.role(SERVICE_LINKED_ROLE).isEmpty()) {
      iam.putRole(
          "/aws-service-role/mgn.amazonaws.com/",
          SERVICE_LINKED_ROLE,
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
              + "{\"Service\":\"mgn.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
          List.of(
              "arn:aws:iam::aws:policy/aws-service-role/"
                  + "AWSApplicationMigrationServiceRolePolicy"));
    }
    return INSTANCE_PROFILE_ROLES.stream().allMatch(role -> iam.role(role).isPresent());
  }

  /** A builder: region {@code us-east-1}, account {@code 111122223333}, an ephemeral port. */
  public static Builder builder() {
    return new Builder();
  }

  private static AwsBasicCredentials newBasicCredentials() {
    return AwsBasicCredentials.create(Ids.accessKeyId("AKIA"), Ids.secretAccessKey());
  }

  /**
   * Starts listening on {@code 127.0.0.1}.
   *
   * @return this
   * @throws IllegalStateException when already started
   * @throws UncheckedIOException when the port cannot be bound
   */
  @Override
  public synchronized FakeMgn start() {
    if (server != null) {
      throw new IllegalStateException("this FakeMgn is already started");
    }
    try {
      HttpServer s = LoopbackHttpServer.create(requestedPort);
      AtomicInteger threads = new AtomicInteger();
      executor =
          Executors.newFixedThreadPool(
              4,
              r -> {
                Thread t = new Thread(r, "fake-mgn-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      s.setExecutor(executor);
      s.createContext("/", handler);
      s.start();
      server = s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + requestedPort, e);
    }
    return this;
  }

  /** Whether it is listening: {@link #start()} was called and {@link #close()} not since. */
  public synchronized boolean isStarted() {
    return server != null;
  }

  /** {@code http://127.0.0.1:<port>}, to pass as the client's endpoint override. */
  public synchronized URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("start() this FakeMgn first");
    }
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The region it serves; requests must be signed for it. */
  public Region region() {
    return region;
  }

  /** The 12-digit account ID in its ARNs. */
  public String accountId() {
    return accountId;
  }

  /** Whether {@code InitializeService} has been called (or the builder said so). */
  public boolean isInitialized() {
    return state.isInitialized();
  }

  /** Long-term keys ({@code AKIA...}) allowed every MGN action. */
  public AwsBasicCredentials adminCredentials() {
    return admin;
  }

  /**
   * Long-term keys allowed only the actions of {@code
   * AWSApplicationMigrationAgentInstallationPolicy} ({@link #INSTALLATION_POLICY_ACTIONS}): they
   * get {@code AccessDeniedException} on {@code InitializeService}, {@code DescribeSourceServers}
   * and every other public operation.
   */
  public AwsBasicCredentials installerCredentials() {
    return installer;
  }

  /**
   * Accepts another key pair, allowed {@code allowedActions}: action names with or without {@code
   * mgn:} ({@code mgn:DescribeSourceServers}), {@code mgn:*} or {@code *}. With {@link
   * AwsSessionCredentials}, requests must carry its session token. Replaces a key pair with the
   * same access key ID.
   */
  public FakeMgn addCredentials(AwsCredentials credentials, Set<String> allowedActions) {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(allowedActions, "allowedActions");
    keys.add(credentials, allowedActions, "fake-user-" + userCount.incrementAndGet());
    return this;
  }

  /**
   * Expires the session of these credentials: from now on their requests answer 403 {@code
   * ExpiredTokenException} "The security token included in the request is expired".
   */
  public FakeMgn expireCredentials(String accessKeyId) {
    keys.expire(Objects.requireNonNull(accessKeyId, "accessKeyId"));
    return this;
  }

  /** A new {@code MgnClient} for this fake with the admin keys; close it when done. */
  public MgnClient newClient() {
    return clientBuilder().build();
  }

  /** A new {@code MgnClient} for this fake with the given credentials; close it when done. */
  public MgnClient newClient(AwsCredentialsProvider credentials) {
    return clientBuilder().credentialsProvider(credentials).build();
  }

  /**
   * A client builder already set up for this fake (region, endpoint override, URL-connection HTTP
   * client, admin keys), to change further, for example to turn retries off.
   */
  public MgnClientBuilder clientBuilder() {
    return MgnClient.builder()
        .region(region)
        .endpointOverride(endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(StaticCredentialsProvider.create(admin));
  }

  /** Adds a source server, as if an agent had registered it, and returns its new ID. */
  public String addSourceServer(SourceServerSpec spec) {
    return state.add(Objects.requireNonNull(spec, "spec"));
  }

  /** Adds a source server described by {@code spec} (see {@link SourceServerSpec.Builder}). */
  public String addSourceServer(Consumer<SourceServerSpec.Builder> spec) {
    SourceServerSpec.Builder b = SourceServerSpec.builder();
    spec.accept(b);
    return addSourceServer(b.build());
  }

  /**
   * Registers an agent as the fake installer would (without HTTP or permission checks): a new
   * source server, or a reinstall of the one with the same first MAC address (else hostname).
   *
   * @throws IllegalStateException when tags are given for an existing server ("already exists")
   */
  public RegistrationResult registerAgent(AgentRegistration registration) {
    Objects.requireNonNull(registration, "registration");
    try {
      return state.register(registration, true, "the test");
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The simulation clock's current time. */
  public Instant simulationNow() {
    return simulationClock.instant();
  }

  /**
   * Moves the simulation forward by {@code step}.
   *
   * @throws IllegalStateException unless the simulation clock is a {@link SteppedClock}
   */
  public FakeMgn advance(Duration step) {
    if (!(simulationClock instanceof SteppedClock stepped)) {
      throw new IllegalStateException(
          "advance() needs a SteppedClock as the simulation clock"
              + " (FakeMgn.builder().simulationClock(new SteppedClock(...)))");
    }
    stepped.advance(step);
    return this;
  }

  /**
   * Scripts a replication error on a simulated server: {@code dataReplicationError.error} becomes
   * {@code error} (such as {@code AGENT_NOT_SEEN} or {@code
   * FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER}) and progress stops. While initiating, the
   * current initiation step is {@code FAILED}; later the state is {@code STALLED}.
   */
  public FakeMgn failReplication(String sourceServerId, String error) {
    state.script(sourceServerId, Objects.requireNonNull(error, "error"));
    return this;
  }

  /**
   * Schedules, on the simulation clock, an error MGN retries by itself on a simulated server:
   * {@code dataReplicationError.error} is {@code error} from {@code in} from now for {@code
   * lasting}, then clears; progress does not stop. While initiating, the answer carries {@code
   * dataReplicationInitiation.nextAttemptDateTime} (the end of the error).
   */
  public FakeMgn retryingError(String sourceServerId, String error, Duration in, Duration lasting) {
    state.scheduleRetryingError(
        sourceServerId, Objects.requireNonNull(error, "error"), in, lasting);
    return this;
  }

  /**
   * Schedules a disk resize on a simulated server: once the initial sync is done and {@code in} has
   * passed, MGN rescans ({@code RESCAN}, progress in {@code rescannedStorageBytes}) for {@code
   * rescanTime}, catches up a {@code BACKLOG} for {@code backlogTime}, then is {@code CONTINUOUS}
   * again.
   */
  public FakeMgn resizeDisks(
      String sourceServerId, Duration in, Duration rescanTime, Duration backlogTime) {
    state.scheduleResize(sourceServerId, in, rescanTime, backlogTime);
    return this;
  }

  /**
   * Schedules a finished cutover on a simulated server: from {@code in} from now, lifecycle {@code
   * CUTOVER} and replication {@code DISCONNECTED} (as MGN reports a server after FinalizeCutover:
   * totals kept, initiation steps back to NOT_STARTED).
   */
  public FakeMgn cutover(String sourceServerId, Duration in) {
    state.scheduleCutover(sourceServerId, in);
    return this;
  }

  /** Makes a simulated server {@code STALLED} without an error; progress stops. */
  public FakeMgn stallReplication(String sourceServerId) {
    state.script(sourceServerId, null);
    return this;
  }

  /** Clears a scripted error or stall; replication continues from where it stopped. */
  public FakeMgn resumeReplication(String sourceServerId) {
    state.clearScripted(sourceServerId);
    return this;
  }

  /** The source server as MGN would describe it now, if it exists. */
  public Optional<SourceServer> sourceServer(String sourceServerId) {
    return state.server(sourceServerId);
  }

  /** Every source server, in the order they were added. */
  public List<SourceServer> sourceServers() {
    return state.servers(s -> true);
  }

  /** The requests answered so far, oldest first (the last 10,000), secrets masked. */
  public List<RecordedRequest> requests() {
    return handler.recorded();
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    handler.clearRecorded();
  }

  /**
   * Makes the next {@code times} calls of {@code operation} ({@code "DescribeSourceServers"}, or
   * {@code "*"} for any) fail with {@code status} and {@code errorCode} after their signature is
   * verified, with the message {@code Injected fault: <errorCode> on <operation>}. A 429 carries
   * {@code Retry-After: 1}. The SDK retries 5xx and throttling errors, so each attempt consumes
   * one.
   */
  public FakeMgn failNext(String operation, int times, int status, String errorCode) {
    return failNext(operation, times, status, errorCode, null);
  }

  /**
   * Like {@link #failNext(String, int, int, String)} with the error's {@code message}, for example
   * {@code failNext("InitializeService", 1, 400, "ValidationException", "Failed to create SLR or
   * instance profiles")}.
   */
  public FakeMgn failNext(
      String operation, int times, int status, String errorCode, String message) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(errorCode, "errorCode");
    if (times < 1 || status < 400 || status > 599) {
      throw new IllegalArgumentException("times must be at least 1 and status 400-599");
    }
    faults.add(operation, times, status, errorCode, message, status == 429 ? "1" : null);
    return this;
  }

  /**
   * Makes the next {@code times} calls answer 429 {@code ThrottlingException} with {@code
   * Retry-After}.
   */
  public FakeMgn throttleNext(String operation, int times, int retryAfterSeconds) {
    faults.add(
        operation, times, 429, "ThrottlingException", null, String.valueOf(retryAfterSeconds));
    return this;
  }

  /**
   * Makes the next {@code times} calls of {@code operation} (or {@code "*"}) answer only after
   * {@code latency} of real time.
   */
  public FakeMgn delayNext(String operation, int times, Duration latency) {
    Objects.requireNonNull(operation, "operation");
    if (times < 1 || latency.isNegative()) {
      throw new IllegalArgumentException("times must be at least 1 and latency not negative");
    }
    faults.addDelay(operation, times, latency);
    return this;
  }

  /**
   * Makes the next {@code times} calls of {@code operation} (or {@code "*"}) lose their connection:
   * the fake closes it without answering. The SDK retries such calls.
   */
  public FakeMgn dropNext(String operation, int times) {
    Objects.requireNonNull(operation, "operation");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    faults.addDrop(operation, times);
    return this;
  }

  /** Drops every queued fault. */
  public void clearFaults() {
    faults.clear();
  }

  /** Stops listening; the state is kept, and {@link #start()} may listen again. Idempotent. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
      executor = null;
    }
  }

  /** Builds a {@link FakeMgn}; {@link FakeMgn#start()} it. */
  public static final class Builder {
    private Region region = Region.US_EAST_1;
    private String accountId = "111122223333";
    private int port;
    private Clock clock = Clock.systemUTC();
    private boolean initialized;
    private FakeIam iam;
    private Clock simulationClock;
    private double simulationSpeed = 1.0;
    private SimulationSettings settings = SimulationSettings.defaults();
    private String fsxProxyStepStatus = "SKIPPED";
    private List<String> afterInitialSync = List.of();
    private Duration afterInitialSyncStep = Duration.ZERO;
    private boolean unknownTemplateIdsNotFound = true;
    private boolean tagOperationsNeedInitialization;

    private Builder() {}

    /**
     * The clock the replication simulation runs on, such as a {@link SteppedClock}; by default the
     * wall clock ({@link #clock(Clock)}), sped up by {@link #simulationSpeed(double)}. It never
     * drives the SigV4 age check.
     */
    public Builder simulationClock(Clock simulationClock) {
      this.simulationClock = Objects.requireNonNull(simulationClock, "simulationClock");
      return this;
    }

    /**
     * Runs the simulation on the wall clock sped up {@code factor} times (1 by default); ignored
     * when a {@link #simulationClock(Clock)} is set.
     */
    public Builder simulationSpeed(double factor) {
      if (!(factor > 0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("the speed factor must be positive: " + factor);
      }
      this.simulationSpeed = factor;
      return this;
    }

    /** How fast the simulated replication goes ({@link SimulationSettings#defaults()}). */
    public Builder simulation(SimulationSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * The sandbox's simulation: the wall clock 60 times as fast with {@link
     * SimulationSettings#sandbox()}, so that any initial sync ends within about 6 seconds.
     */
    public Builder sandboxSimulation() {
      this.simulationClock = null;
      this.simulationSpeed = 60;
      this.settings = SimulationSettings.sandbox();
      return this;
    }

    /** The region served, {@code us-east-1} by default. */
    public Builder region(String region) {
      return region(Region.of(region));
    }

    /** The region served. */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The 12-digit account ID, {@code 111122223333} by default. */
    public Builder accountId(String accountId) {
      if (accountId == null || !accountId.matches("[0-9]{12}")) {
        throw new IllegalArgumentException("an account ID is 12 digits: " + accountId);
      }
      this.accountId = accountId;
      return this;
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("bad port " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The wall clock: requests signed more than 15 minutes away from it are refused, and dates in
     * answers come from it. The system UTC clock by default.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Links a fake IAM: {@code InitializeService} creates the service-linked role there and fails
     * as the real one does when the service roles are missing.
     */
    public Builder iam(FakeIam iam) {
      this.iam = Objects.requireNonNull(iam, "iam");
      return this;
    }

    /**
     * Starts fully initialized, as after the documented API initialization: the service, and a
     * replication and a launch configuration template with the console's defaults.
     */
    public Builder initialized(boolean initialized) {
      this.initialized = initialized;
      return this;
    }

    /**
     * The status the current model's {@code SETUP_FSX_PROXY} initiation step (the last one) ends
     * with on a server without FSx for ONTAP: {@code SKIPPED} by default; null leaves the step out,
     * as MGN did before 2026. What real MGN reports for such a server is not documented.
     */
    public Builder fsxProxyStep(String statusWhenDone) {
      this.fsxProxyStepStatus = statusWhenDone;
      return this;
    }

    /**
     * Replication states every simulated server goes through after its initial sync, each for
     * {@code each} of simulated time, before {@code CONTINUOUS} (lifecycle {@code NOT_READY} until
     * then, {@code lastSnapshotDateTime} at their end), such as {@code CREATING_SNAPSHOT}. None by
     * default. AWS documents neither whether MGN shows {@code CREATING_SNAPSHOT}, {@code
     * PENDING_SNAPSHOT_SHIPPING} and {@code SHIPPING_SNAPSHOT} after an initial sync nor their
     * order, so a test chooses both.
     */
    public Builder afterInitialSync(Duration each, String... states) {
      Objects.requireNonNull(each, "each");
      if (states.length > 0 && (each.isNegative() || each.isZero())) {
        throw new IllegalArgumentException("each state must last a positive time: " + each);
      }
      for (String s : states) {
        Objects.requireNonNull(s, "state");
      }
      this.afterInitialSync = List.of(states);
      this.afterInitialSyncStep = each;
      return this;
    }

    /**
     * How {@code DescribeReplicationConfigurationTemplates} and {@code
     * DescribeLaunchConfigurationTemplates} answer IDs that name no template: {@code true} (the
     * default) a {@code ResourceNotFoundException} (404), which the model declares for both; {@code
     * false} a list without them. Which one real MGN does is not documented.
     */
    public Builder unknownTemplateIdsNotFound(boolean notFound) {
      this.unknownTemplateIdsNotFound = notFound;
      return this;
    }

    /**
     * Whether {@code TagResource}, {@code UntagResource} and {@code ListTagsForResource} answer
     * {@code UninitializedAccountException} before {@code InitializeService}, as every other
     * operation does. False by default: the model declares no such error for them (they answer as
     * on an initialized account, {@code ResourceNotFoundException} for an unknown ARN); what real
     * MGN does is not documented.
     */
    public Builder tagOperationsNeedInitialization(boolean need) {
      this.tagOperationsNeedInitialization = need;
      return this;
    }

    /** The fake, not started yet. */
    public FakeMgn build() {
      return new FakeMgn(this);
    }
  }
}
