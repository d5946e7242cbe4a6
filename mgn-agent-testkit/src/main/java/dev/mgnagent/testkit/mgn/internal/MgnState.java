package dev.mgnagent.testkit.mgn.internal;

import dev.mgnagent.testkit.mgn.SourceServerSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfo;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfoReplicatedDisk;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiation;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * Everything the fake MGN account holds, behind one lock: whether the service is initialized, the
 * source servers (in the order they were added), the replication configuration templates, and
 * their tags. Values are the SDK's immutable model objects; changes replace them.
 */
public final class MgnState {
  static final String SOURCE_SERVER = "SOURCE_SERVER";
  static final String TEMPLATE = "REPLICATION_CONFIGURATION_TEMPLATE";

  private final String region;
  private final String accountId;
  private final Clock clock;
  private boolean initialized;
  private final Map<String, SourceServer> servers = new LinkedHashMap<>();
  private final Map<String, ReplicationConfigurationTemplate> templates = new LinkedHashMap<>();

  public MgnState(String region, String accountId, Clock clock) {
    this.region = region;
    this.accountId = accountId;
    this.clock = clock;
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

  /** Marks the account initialized and creates the default template once. */
  public synchronized void initialize() {
    initialized = true;
    if (templates.isEmpty()) {
      ReplicationConfigurationTemplate t = ServerModels.defaultTemplate(region, accountId);
      templates.put(t.replicationConfigurationTemplateID(), t);
    }
  }

  public synchronized boolean isInitialized() {
    return initialized;
  }

  /** Adds a server from a test's spec and returns its new ID. */
  public synchronized String add(SourceServerSpec spec) {
    String id;
    do {
      id = Ids.resourceId("s-");
    } while (servers.containsKey(id));
    servers.put(id, ServerModels.sourceServer(spec, id, sourceServerArn(id), clock.instant()));
    return id;
  }

  public synchronized Optional<SourceServer> server(String id) {
    return Optional.ofNullable(servers.get(id));
  }

  /** The servers that match, in the order they were added. */
  public synchronized List<SourceServer> servers(Predicate<SourceServer> filter) {
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
    SourceServer s = existing(id);
    DataReplicationInfo old = s.dataReplicationInfo();
    List<DataReplicationInfoReplicatedDisk> disks = new ArrayList<>();
    if (old != null) {
      for (DataReplicationInfoReplicatedDisk d : old.replicatedDisks()) {
        disks.add(d.toBuilder().totalStorageBytes(0L).build());
      }
    }
    DataReplicationInfo info = DataReplicationInfo.builder()
        .dataReplicationState(DataReplicationState.DISCONNECTED)
        .dataReplicationInitiation(old == null ? null : old.dataReplicationInitiation())
        .lastSnapshotDateTime(old == null ? null : old.lastSnapshotDateTime())
        .replicatedDisks(disks)
        .build();
    SourceServer updated = s.toBuilder()
        .dataReplicationInfo(info)
        .lifeCycle(s.lifeCycle().toBuilder().state(LifeCycleState.DISCONNECTED).build())
        .build();
    servers.put(id, updated);
    return updated;
  }

  /** MarkAsArchived: only from DISCONNECTED or CUTOVER. */
  public synchronized SourceServer archive(String id) {
    SourceServer s = existing(id);
    LifeCycleState state = s.lifeCycle().state();
    if (state != LifeCycleState.DISCONNECTED && state != LifeCycleState.CUTOVER) {
      throw MgnError.conflict(SOURCE_SERVER, id, "Source server " + id
          + " cannot be archived in lifecycle state " + s.lifeCycle().stateAsString()
          + "; it must be DISCONNECTED or CUTOVER. Disconnect it from the service first.");
    }
    SourceServer updated = s.toBuilder().isArchived(true).build();
    servers.put(id, updated);
    return updated;
  }

  /** DeleteSourceServer: only once replication is DISCONNECTED. */
  public synchronized void delete(String id) {
    SourceServer s = existing(id);
    DataReplicationInfo info = s.dataReplicationInfo();
    if (info == null || info.dataReplicationState() != DataReplicationState.DISCONNECTED) {
      throw MgnError.conflict(SOURCE_SERVER, id, "Source server " + id
          + " cannot be deleted while it is connected (replication state "
          + (info == null ? "none" : info.dataReplicationStateAsString())
          + "); disconnect it from the service first.");
    }
    servers.remove(id);
  }

  /** StartReplication: only from STOPPED; the server starts INITIATING. */
  public synchronized SourceServer startReplication(String id) {
    SourceServer s = existing(id);
    DataReplicationInfo info = s.dataReplicationInfo();
    DataReplicationState state = info == null ? DataReplicationState.STOPPED
        : info.dataReplicationState();
    if (state != DataReplicationState.STOPPED || Boolean.TRUE.equals(s.isArchived())) {
      throw MgnError.conflict(SOURCE_SERVER, id, "Cannot start replication of source server "
          + id + " in replication state " + state + (Boolean.TRUE.equals(s.isArchived())
          ? " (archived)" : "") + "; only a STOPPED server can be started.");
    }
    DataReplicationInfo.Builder started = (info == null ? DataReplicationInfo.builder()
        : info.toBuilder())
        .dataReplicationState(DataReplicationState.INITIATING)
        .dataReplicationInitiation(DataReplicationInitiation.builder()
            .startDateTime(ServerModels.iso(clock.instant()))
            .steps(ServerModels.steps(DataReplicationState.INITIATING))
            .build());
    SourceServer updated = s.toBuilder()
        .dataReplicationInfo(started.build())
        .lifeCycle(s.lifeCycle().toBuilder().state(LifeCycleState.NOT_READY).build())
        .build();
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
      throw MgnError.invalidField("tags", merged.size() + " tags",
          "A resource can have at most 50 tags");
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
    throw MgnError.notFound(arn.contains(":source-server/") ? SOURCE_SERVER : "RESOURCE", arn,
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
