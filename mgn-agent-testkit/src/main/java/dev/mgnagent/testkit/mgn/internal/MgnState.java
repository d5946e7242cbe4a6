package dev.mgnagent.testkit.mgn.internal;

import dev.mgnagent.testkit.mgn.AgentRegistration;
import dev.mgnagent.testkit.mgn.RegistrationResult;
import dev.mgnagent.testkit.mgn.SimulationSettings;
import dev.mgnagent.testkit.mgn.SourceServerSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfo;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfoReplicatedDisk;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.LaunchConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * Everything the fake MGN account holds, behind one lock: whether the service is initialized, the
 * source servers (in the order they were added), the replication configuration templates, and their
 * tags. Values are the SDK's immutable model objects; changes replace them.
 */
public final class MgnState {
  static final String SOURCE_SERVER = "SOURCE_SERVER";
  static final String TEMPLATE = "REPLICATION_CONFIGURATION_TEMPLATE";

  private final String region;
  private final String accountId;
  private final Clock clock;
  private final Clock simulationClock;
  private final SimulationSettings settings;
  private final ReplicationRenderer renderer;
  private final Map<String, Timeline> timelines = new LinkedHashMap<>();

  /** The disk each server boots from, as its agent (or test) said; absent: the first disk. */
  private final Map<String, String> bootDisks = new LinkedHashMap<>();

  private boolean initialized;
  private final Map<String, SourceServer> servers = new LinkedHashMap<>();
  private final Map<String, ReplicationConfigurationTemplate> templates = new LinkedHashMap<>();
  private final Map<String, LaunchConfigurationTemplate> launchTemplates = new LinkedHashMap<>();
  private volatile java.util.function.BooleanSupplier initializeHook;

  public MgnState(String region, String accountId, Clock clock) {
    this(region, accountId, clock, clock, SimulationSettings.defaults());
  }

  /**
   * @param clock the wall clock, for the dates of servers added by tests
   * @param simulationClock the clock of the simulated replication, which never drives SigV4
   * @param settings how fast the simulation goes
   */
  public MgnState(
      String region,
      String accountId,
      Clock clock,
      Clock simulationClock,
      SimulationSettings settings) {
    this.region = region;
    this.accountId = accountId;
    this.clock = clock;
    this.simulationClock = simulationClock;
    this.settings = settings;
    this.renderer = new ReplicationRenderer(settings);
  }

  /**
   * The status the {@code SETUP_FSX_PROXY} initiation step ends with on servers without FSx; null
   * leaves the step out (the SDK's older model has no such step).
   */
  public void fsxProxyStepStatus(String status) {
    renderer.fsxProxyStepStatus(status);
  }

  /** Replication states shown after each initial sync, each for {@code each}, then CONTINUOUS. */
  public void afterInitialSync(List<String> states, Duration each) {
    renderer.afterInitialSync(states, each);
  }

  /**
   * Whether DescribeReplicationConfigurationTemplates refuses unknown IDs (else leaves them out).
   */
  private volatile boolean unknownTemplateIdsNotFound = true;

  /**
   * Whether the tag operations answer UninitializedAccountException on an uninitialized account.
   */
  private volatile boolean tagOperationsNeedInitialization;

  public void tagOperationsNeedInitialization(boolean need) {
    this.tagOperationsNeedInitialization = need;
  }

  public boolean tagOperationsNeedInitialization() {
    return tagOperationsNeedInitialization;
  }

  public void unknownTemplateIdsNotFound(boolean notFound) {
    this.unknownTemplateIdsNotFound = notFound;
  }

  public boolean unknownTemplateIdsNotFound() {
    return unknownTemplateIdsNotFound;
  }

  /** The simulation's current time. */
  public Instant simulationNow() {
    return simulationClock.instant();
  }

  /**
   * Re-renders one simulated server at the simulation's current time. A server's state depends only
   * on its timeline, the time and what operations set on it, so rendering it when it is read gives
   * what rendering every server at every call gave, without a cost that grows with the number of
   * servers at each call.
   */
  private void refresh(String id) {
    Timeline t = timelines.get(id);
    SourceServer s = servers.get(id);
    if (t != null && s != null) {
      servers.put(id, renderer.render(s, t, simulationClock.instant()));
    }
  }

  /** Re-renders every simulated server at the simulation's current time. */
  private void refresh() {
    if (timelines.isEmpty()) {
      return;
    }
    Instant now = simulationClock.instant();
    timelines.forEach(
        (id, t) -> {
          SourceServer s = servers.get(id);
          if (s != null) {
            servers.put(id, renderer.render(s, t, now));
          }
        });
  }

  /**
   * Registers an agent: a new source server, or a reinstall of the one whose primary MAC matches,
   * which keeps its ID and takes the new disks. Tags on a reinstall are a {@code ConflictException}
   * ("already exists"); tags on a new server need {@code mayTagNewServer}, else {@code
   * AccessDeniedException} naming {@code principalArn}.
   */
  public synchronized RegistrationResult register(
      AgentRegistration reg, boolean mayTagNewServer, String principalArn) {
    String existing = findAgentServer(reg); // by MAC, which rendering never changes
    if (existing != null) {
      refresh(existing);
    }
    Instant now = simulationClock.instant();
    List<Timeline.SimDisk> disks = new ArrayList<>();
    reg.disks().forEach(d -> disks.add(new Timeline.SimDisk(d.deviceName(), d.bytes())));
    List<Timeline.SimDisk> hostDisks = new ArrayList<>();
    (reg.hostDisks().isEmpty() ? reg.disks() : reg.hostDisks())
        .forEach(d -> hostDisks.add(new Timeline.SimDisk(d.deviceName(), d.bytes())));
    if (existing != null) {
      if (!reg.tags().isEmpty()) {
        throw MgnError.conflict(
            SOURCE_SERVER,
            existing,
            "Cannot apply tags: source server "
                + existing
                + " already exists. Tags can only be given when a server is first"
                + " registered; use TagResource instead.");
      }
      Timeline t = new Timeline(now, disks, !reg.noReplication());
      t.hostDisks = List.copyOf(hostDisks);
      timelines.put(existing, t);
      bootDisks.put(existing, bootDiskOf(reg));
      SourceServer s = ServerModels.withAgentFacts(servers.get(existing), reg, now);
      servers.put(existing, renderer.render(s, t, now));
      return new RegistrationResult(existing, false);
    }
    if (!reg.tags().isEmpty() && !mayTagNewServer) {
      throw MgnError.accessDenied(
          "User: "
              + principalArn
              + " is not authorized to perform:"
              + " mgn:TagResource on resource: arn:aws:mgn:"
              + region
              + ":"
              + accountId
              + ":source-server/* because no identity-based policy allows the mgn:TagResource action"
              + " with mgn:CreateAction RegisterAgentForMgn");
    }
    String id = newId();
    Timeline t = new Timeline(now, disks, !reg.noReplication());
    t.hostDisks = List.copyOf(hostDisks);
    timelines.put(id, t);
    bootDisks.put(id, bootDiskOf(reg));
    SourceServer s = ServerModels.registeredServer(reg, id, sourceServerArn(id), now);
    servers.put(id, renderer.render(s, t, now));
    return new RegistrationResult(id, true);
  }

  private static String bootDiskOf(AgentRegistration reg) {
    if (reg.bootDisk() != null) {
      return reg.bootDisk();
    }
    return reg.disks().isEmpty() ? null : reg.disks().get(0).deviceName();
  }

  /** The replicated disk source server {@code id} boots from, when known. */
  public synchronized Optional<String> bootDisk(String id) {
    return Optional.ofNullable(bootDisks.get(id));
  }

  /** A MAC in any of its written forms ({@code 0a:40:..}, {@code 0A-40-..}) as one key. */
  private static String macKey(String mac) {
    return mac == null
        ? ""
        : mac.replace(":", "").replace("-", "").toLowerCase(java.util.Locale.ROOT);
  }

  private String findAgentServer(AgentRegistration reg) {
    if (!reg.macAddresses().isEmpty()) {
      String mac = macKey(reg.macAddresses().get(0));
      for (SourceServer s : servers.values()) {
        if (!Boolean.TRUE.equals(s.isArchived())
            && s.sourceProperties() != null
            && s.sourceProperties().networkInterfaces().stream()
                .anyMatch(n -> mac.equals(macKey(n.macAddress())))) {
          return s.sourceServerID();
        }
      }
    }
    // a host whose MAC changed is a new source server, as on MGN: the hostname is no identity
    return null;
  }

  /**
   * Scripts a replication error ({@code dataReplicationError.error}), or a stall without one when
   * {@code error} is null: progress stops until {@link #clearScripted(String)}.
   */
  public synchronized void script(String id, String error) {
    refresh();
    Timeline t = timeline(id);
    t.freeze(simulationClock.instant());
    if (error == null) {
      t.stalled = true;
    } else {
      t.error = error;
    }
    servers.put(id, renderer.render(servers.get(id), t, simulationClock.instant()));
  }

  /**
   * Schedules an error MGN retries by itself: reported from {@code in} for {@code lasting} (with a
   * {@code nextAttemptDateTime} while initiating), then gone; progress does not stop.
   */
  public synchronized void scheduleRetryingError(
      String id, String error, Duration in, Duration lasting) {
    refresh();
    Timeline t = timeline(id);
    t.retryError = error;
    t.retryFrom = simulationClock.instant().plus(in);
    t.retryUntil = t.retryFrom.plus(lasting);
  }

  /**
   * Schedules a disk resize: once the initial sync is done and {@code in} has passed, a RESCAN for
   * {@code rescanTime}, then a BACKLOG for {@code backlogTime}, then CONTINUOUS again.
   */
  public synchronized void scheduleResize(
      String id, Duration in, Duration rescanTime, Duration backlogTime) {
    refresh();
    Timeline t = timeline(id);
    t.resizeAt = simulationClock.instant().plus(in);
    t.rescanTime = rescanTime;
    t.backlogTime = backlogTime;
  }

  /** Schedules a cutover: after {@code in}, lifecycle CUTOVER and replication DISCONNECTED. */
  public synchronized void scheduleCutover(String id, Duration in) {
    refresh();
    timeline(id).cutoverAt = simulationClock.instant().plus(in);
  }

  /** Clears a scripted error or stall; replication goes on from where it stopped. */
  public synchronized void clearScripted(String id) {
    Timeline t = timeline(id);
    t.resume(simulationClock.instant());
    servers.put(id, renderer.render(servers.get(id), t, simulationClock.instant()));
  }

  private Timeline timeline(String id) {
    existing(id);
    Timeline t = timelines.get(id);
    if (t == null) {
      throw new IllegalStateException(
          "source server "
              + id
              + " is not simulated: register it"
              + " with registerAgent, or start its replication with StartReplication");
    }
    return t;
  }

  private String newId() {
    String id;
    do {
      id = Ids.resourceId("s-");
    } while (servers.containsKey(id));
    return id;
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  /** The ARN of source server {@code id}. */
  public String sourceServerArn(String id) {
    return "arn:aws:mgn:" + region + ":" + accountId + ":source-server/" + id;
  }

  /**
   * Marks the account fully initialized, as after the documented API initialization: the service,
   * and a replication and a launch configuration template with the console's defaults.
   */
  public synchronized void initialize() {
    initialized = true;
    if (templates.isEmpty()) {
      ReplicationConfigurationTemplate t = ServerModels.defaultTemplate(region, accountId);
      templates.put(t.replicationConfigurationTemplateID(), t);
    }
    if (launchTemplates.isEmpty()) {
      putLaunchTemplate(TemplateOperations.defaultLaunchTemplate(region, accountId));
    }
  }

  /**
   * {@code InitializeService}: marks the account initialized. Like the real call it creates no
   * template; a hook set with {@link #onInitializeService} may refuse it first.
   */
  public void initializeService() {
    java.util.function.BooleanSupplier hook = initializeHook;
    if (hook != null && !hook.getAsBoolean()) {
      // as measured on a real account whose service roles were missing
      throw MgnError.validation("other", null, "Failed to create SLR or instance profiles");
    }
    synchronized (this) {
      initialized = true;
    }
  }

  /**
   * Runs before {@code InitializeService} marks the account (the linked fake IAM's part); when it
   * answers false, InitializeService fails as the real one does without the service roles.
   */
  public void onInitializeService(java.util.function.BooleanSupplier hook) {
    this.initializeHook = hook;
  }

  /** Adds or replaces a replication configuration template. */
  public synchronized void putTemplate(ReplicationConfigurationTemplate t) {
    templates.put(t.replicationConfigurationTemplateID(), t);
  }

  /** Adds or replaces a launch configuration template. */
  public synchronized void putLaunchTemplate(LaunchConfigurationTemplate t) {
    launchTemplates.put(t.launchConfigurationTemplateID(), t);
  }

  public synchronized List<LaunchConfigurationTemplate> launchTemplates() {
    return new ArrayList<>(launchTemplates.values());
  }

  public synchronized boolean isInitialized() {
    return initialized;
  }

  /** Adds a server from a test's spec and returns its new ID. */
  public synchronized String add(SourceServerSpec spec) {
    String id = newId();
    servers.put(
        id,
        ServerModels.sourceServer(
            spec, id, sourceServerArn(id), clock.instant(), renderer.fsxProxyStepStatus()));
    bootDisks.put(
        id,
        spec.bootDisk() != null || spec.disks().isEmpty()
            ? spec.bootDisk()
            : spec.disks().get(0).deviceName());
    return id;
  }

  public synchronized Optional<SourceServer> server(String id) {
    refresh(id);
    return Optional.ofNullable(servers.get(id));
  }

  /** The servers of {@code ids} that match, in the order they were added. */
  public synchronized List<SourceServer> servers(Set<String> ids, Predicate<SourceServer> filter) {
    List<SourceServer> out = new ArrayList<>();
    for (String id : servers.keySet()) {
      if (ids.contains(id)) {
        refresh(id);
        SourceServer s = servers.get(id);
        if (filter.test(s)) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** The servers that match, in the order they were added. */
  public synchronized List<SourceServer> servers(Predicate<SourceServer> filter) {
    refresh();
    List<SourceServer> out = new ArrayList<>();
    for (SourceServer s : servers.values()) {
      if (filter.test(s)) {
        out.add(s);
      }
    }
    return out;
  }

  public synchronized List<ReplicationConfigurationTemplate> templates() {
    return new ArrayList<>(templates.values());
  }

  private SourceServer existing(String id) {
    SourceServer s = servers.get(id);
    if (s == null) {
      throw MgnError.notFound(SOURCE_SERVER, id, "Source server not found: " + id);
    }
    return s;
  }

  /** DisconnectFromService: replication and lifecycle DISCONNECTED, total bytes zeroed. */
  public synchronized SourceServer disconnect(String id) {
    refresh();
    timelines.remove(id);
    SourceServer s = existing(id);
    DataReplicationInfo old = s.dataReplicationInfo();
    List<DataReplicationInfoReplicatedDisk> disks = new ArrayList<>();
    if (old != null) {
      for (DataReplicationInfoReplicatedDisk d : old.replicatedDisks()) {
        disks.add(d.toBuilder().totalStorageBytes(0L).build());
      }
    }
    DataReplicationInfo info =
        DataReplicationInfo.builder()
            .dataReplicationState(DataReplicationState.DISCONNECTED)
            .dataReplicationInitiation(old == null ? null : old.dataReplicationInitiation())
            .lastSnapshotDateTime(old == null ? null : old.lastSnapshotDateTime())
            .replicatedDisks(disks)
            .build();
    SourceServer updated =
        s.toBuilder()
            .dataReplicationInfo(info)
            .lifeCycle(s.lifeCycle().toBuilder().state(LifeCycleState.DISCONNECTED).build())
            .build();
    servers.put(id, updated);
    return updated;
  }

  /** MarkAsArchived: only from DISCONNECTED or CUTOVER. */
  public synchronized SourceServer archive(String id) {
    // the simulation first: a scheduled cutover may have happened since the last answer
    refresh();
    SourceServer s = existing(id);
    LifeCycleState state = s.lifeCycle().state();
    if (state != LifeCycleState.DISCONNECTED && state != LifeCycleState.CUTOVER) {
      throw MgnError.conflict(
          SOURCE_SERVER,
          id,
          "Source server "
              + id
              + " cannot be archived in lifecycle state "
              + s.lifeCycle().stateAsString()
              + "; it must be DISCONNECTED or CUTOVER. Disconnect it from the service first.");
    }
    SourceServer updated = s.toBuilder().isArchived(true).build();
    servers.put(id, updated);
    return updated;
  }

  /** DeleteSourceServer: only once replication is DISCONNECTED. */
  public synchronized void delete(String id) {
    refresh();
    SourceServer s = existing(id);
    DataReplicationInfo info = s.dataReplicationInfo();
    if (info == null || info.dataReplicationState() != DataReplicationState.DISCONNECTED) {
      throw MgnError.conflict(
          SOURCE_SERVER,
          id,
          "Source server "
              + id
              + " cannot be deleted while it is connected (replication state "
              + (info == null ? "none" : info.dataReplicationStateAsString())
              + "); disconnect it from the service first.");
    }
    servers.remove(id);
    timelines.remove(id);
  }

  /** StartReplication: only from STOPPED; the server starts INITIATING and is simulated. */
  public synchronized SourceServer startReplication(String id) {
    refresh();
    SourceServer s = existing(id);
    DataReplicationInfo info = s.dataReplicationInfo();
    DataReplicationState state =
        info == null ? DataReplicationState.STOPPED : info.dataReplicationState();
    if (state != DataReplicationState.STOPPED || Boolean.TRUE.equals(s.isArchived())) {
      throw MgnError.conflict(
          SOURCE_SERVER,
          id,
          "Cannot start replication of source server "
              + id
              + " in replication state "
              + state
              + (Boolean.TRUE.equals(s.isArchived()) ? " (archived)" : "")
              + "; only a STOPPED server can be started.");
    }
    Instant now = simulationClock.instant();
    Timeline t = timelines.get(id);
    if (t == null) {
      List<Timeline.SimDisk> disks = new ArrayList<>();
      if (info != null) {
        info.replicatedDisks()
            .forEach(
                d ->
                    disks.add(
                        new Timeline.SimDisk(
                            d.deviceName(),
                            d.totalStorageBytes() == null ? 0 : d.totalStorageBytes())));
      }
      t = new Timeline(now.minus(settings.disksReportDelay()), disks, true);
      timelines.put(id, t);
    }
    t.startAt(now);
    SourceServer updated = renderer.render(s, t, now);
    servers.put(id, updated);
    return updated;
  }

  /** The tags of the resource with this ARN. */
  public synchronized Map<String, String> tags(String arn) {
    return new LinkedHashMap<>(resourceTags(arn));
  }

  /** Adds or replaces tags; at most 50 in all. */
  public synchronized void tag(String arn, Map<String, String> tags) {
    Map<String, String> merged = new LinkedHashMap<>(resourceTags(arn));
    merged.putAll(tags);
    if (merged.size() > 50) {
      throw MgnError.invalidField(
          "tags", merged.size() + " tags", "A resource can have at most 50 tags");
    }
    setTags(arn, merged);
  }

  /** Removes the tags with these keys; missing keys are ignored. */
  public synchronized void untag(String arn, Collection<String> keys) {
    Map<String, String> remaining = new LinkedHashMap<>(resourceTags(arn));
    keys.forEach(remaining::remove);
    setTags(arn, remaining);
  }

  private Map<String, String> resourceTags(String arn) {
    for (SourceServer s : servers.values()) {
      if (s.arn().equals(arn)) {
        return s.tags();
      }
    }
    for (ReplicationConfigurationTemplate t : templates.values()) {
      if (t.arn().equals(arn)) {
        return t.tags();
      }
    }
    throw MgnError.notFound(
        arn.contains(":source-server/") ? SOURCE_SERVER : "RESOURCE",
        arn,
        "Resource not found: " + arn);
  }

  private void setTags(String arn, Map<String, String> tags) {
    for (SourceServer s : servers.values()) {
      if (s.arn().equals(arn)) {
        servers.put(s.sourceServerID(), s.toBuilder().tags(tags).build());
        return;
      }
    }
    for (ReplicationConfigurationTemplate t : templates.values()) {
      if (t.arn().equals(arn)) {
        templates.put(t.replicationConfigurationTemplateID(), t.toBuilder().tags(tags).build());
        return;
      }
    }
  }
}
