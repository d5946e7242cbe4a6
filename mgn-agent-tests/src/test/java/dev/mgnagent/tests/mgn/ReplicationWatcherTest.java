package dev.mgnagent.tests.mgn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.mgn.ReplicationHealth;
import dev.mgnagent.mgn.ReplicationRefreshed;
import dev.mgnagent.mgn.ReplicationStatusChanged;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ReplicationWatcher;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.WatchOutcome;
import dev.mgnagent.mgn.WatchResult;
import dev.mgnagent.testkit.event.RecordingEventListener;
import dev.mgnagent.testkit.junit.StartStop;
import dev.mgnagent.testkit.mgn.AgentRegistration;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.RecordedRequest;
import dev.mgnagent.testkit.mgn.SimulationSettings;
import dev.mgnagent.testkit.mgn.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;

/** {@link ReplicationWatcher} against the fake MGN on a stepped simulation clock. */
class ReplicationWatcherTest {
  private static final long GIB = 1L << 30;

  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-05-01T08:00:00Z"));
  private final RecordingEventListener recorded = new RecordingEventListener();

  @StartStop
  final FakeMgn mgn =
      FakeMgn.builder()
          .initialized(true)
          .simulationClock(clock)
          .simulation(
              SimulationSettings.defaults()
                  .withInitiationStep(Duration.ofSeconds(10))
                  .withSyncBytesPerSecond(GIB / 20))
          .build();

  private MgnClient client;

  @BeforeEach
  void newClient() {
    client = mgn.newClient();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private ReplicationWatcher.Builder watcher() {
    return ReplicationWatcher.builder()
        .reader(ReplicationStatusReader.of(client))
        .interval(Duration.ofSeconds(15))
        .timeout(Duration.ofHours(1))
        .clock(clock)
        .sleeper(clock::advance)
        .eventListener(recorded);
  }

  private String register(String host, long... disks) {
    AgentRegistration.Builder b = AgentRegistration.builder().hostname(host);
    for (int i = 0; i < disks.length; i++) {
      b.disk("/dev/vd" + (char) ('a' + i), disks[i]);
    }
    return mgn.registerAgent(b.build()).sourceServerId();
  }

  @Test
  void followsAServerFromInitiationToContinuousWithAnEventPerChange() throws Exception {
    String id = register("web-1", 2 * GIB, GIB);

    WatchResult result = watcher().ids(List.of(new SourceServerId(id))).build().watch();

    assertThat(result.outcome()).isEqualTo(WatchOutcome.SETTLED);
    assertThat(result.servers())
        .singleElement()
        .satisfies(s -> assertThat(s.health()).isEqualTo(ReplicationHealth.CONTINUOUS));
    List<ServerReplicationStatus> changes =
        recorded.events(ReplicationStatusChanged.class).stream()
            .map(ReplicationStatusChanged::current)
            .toList();
    assertThat(changes)
        .extracting(s -> s.replicationState().orElseThrow())
        .containsSubsequence("INITIATING", "INITIAL_SYNC", "CONTINUOUS");
    assertThat(changes)
        .extracting(s -> s.currentStep().map(st -> st.name()).orElse("-"))
        .containsSubsequence("WAIT", "CREATE_SECURITY_GROUP", "START_DATA_TRANSFER");
    List<ServerReplicationStatus> syncing =
        changes.stream()
            .filter(s -> s.replicationState().orElseThrow().equals("INITIAL_SYNC"))
            .toList();
    assertThat(syncing).hasSizeGreaterThan(2);
    for (int i = 1; i < syncing.size(); i++) {
      assertThat(syncing.get(i).replicatedBytes())
          .isGreaterThan(syncing.get(i - 1).replicatedBytes());
      assertThat(syncing.get(i).eta().orElseThrow())
          .isBefore(syncing.get(i - 1).eta().orElseThrow());
    }
    assertThat(changes.get(changes.size() - 1).lag()).hasValue(Duration.ofSeconds(1));
    assertThat(recorded.events(ReplicationRefreshed.class)).hasSize(result.refreshes());
  }

  @Test
  void unchangedServersEmitNoEvent() throws Exception {
    mgn.addSourceServer(s -> s.hostname("done"));
    register("web-1", GIB);

    WatchResult result = watcher().build().watch();

    long doneEvents =
        recorded.events(ReplicationStatusChanged.class).stream()
            .filter(c -> c.current().hostname().orElse("").equals("done"))
            .count();
    assertThat(result.refreshes()).isGreaterThan(3);
    assertThat(doneEvents).isEqualTo(1);
  }

  @Test
  void fiveThousandServersCostFiveCallsPerRefresh() throws Exception {
    for (int i = 0; i < 4999; i++) {
      mgn.addSourceServer(s -> s.hostname("bulk"));
    }
    register("slow", GIB);
    mgn.clearRequests();

    WatchResult result = watcher().interval(Duration.ofMinutes(1)).build().watch();

    assertThat(result.servers()).hasSize(5000);
    assertThat(result.refreshes()).isGreaterThanOrEqualTo(2);
    List<RecordedRequest> describes =
        mgn.requests().stream().filter(r -> "DescribeSourceServers".equals(r.operation())).toList();
    assertThat(describes).hasSize(5 * result.refreshes());
    assertThat(describes).allSatisfy(r -> assertThat(r.body()).contains("\"maxResults\":1000"));
  }

  @Test
  void replicationErrorEndsTheWatchAsFailedWithARemedy() throws Exception {
    String id = register("web-1", GIB);
    clock.advance(Duration.ofSeconds(95));
    mgn.failReplication(id, "FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER");

    WatchResult result = watcher().build().watch();

    assertThat(result.outcome()).isEqualTo(WatchOutcome.FAILED);
    assertThat(result.failed())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.error().orElseThrow().remedy()).contains("TCP 1500");
              assertThat(s.error().orElseThrow().rawError()).isPresent();
              assertThat(s.currentStep().orElseThrow().status()).isEqualTo("FAILED");
            });
  }

  @Test
  void stalledServersFailAndDisconnectedOnesAreFinished() throws Exception {
    String stalled = register("stalled", GIB);
    clock.advance(Duration.ofMinutes(3));
    mgn.stallReplication(stalled);
    assertThat(watcher().build().watch().outcome()).isEqualTo(WatchOutcome.FAILED);

    mgn.resumeReplication(stalled);
    client.disconnectFromService(r -> r.sourceServerID(stalled));
    WatchResult result = watcher().build().watch();
    assertThat(result.outcome()).isEqualTo(WatchOutcome.SETTLED);
    assertThat(result.servers().get(0).health()).isEqualTo(ReplicationHealth.FINISHED);
  }

  @Test
  void aWatchFollowsARetryingErrorARescanAndACutoverToTheEnd() throws Exception {
    String id = register("web-1", 2 * GIB);
    // initiation takes 110 s, the sync 40 s: an error MGN retries during initiation, a resize
    // once continuous (rescan 60 s, backlog 30 s), a cutover later
    mgn.retryingError(
        id, "FAILED_TO_LAUNCH_REPLICATION_SERVER", Duration.ofSeconds(20), Duration.ofSeconds(40));
    mgn.resizeDisks(id, Duration.ofSeconds(200), Duration.ofSeconds(60), Duration.ofSeconds(30));
    mgn.cutover(id, Duration.ofSeconds(400));
    List<SourceServerId> named = List.of(new SourceServerId(id));

    // the watch settles at CONTINUOUS, through the retrying error
    WatchResult first = watcher().ids(named).build().watch();
    assertThat(first.outcome()).isEqualTo(WatchOutcome.SETTLED);
    List<ServerReplicationStatus> seen =
        new ArrayList<>(
            recorded.events(ReplicationStatusChanged.class).stream()
                .map(ReplicationStatusChanged::current)
                .toList());
    assertThat(seen)
        .filteredOn(s -> s.health() == ReplicationHealth.RETRYING)
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.error().orElseThrow().code())
                  .isEqualTo("FAILED_TO_LAUNCH_REPLICATION_SERVER");
              assertThat(s.error().orElseThrow().remedy()).contains("staging subnet");
              assertThat(s.nextAttempt()).isPresent();
            });

    // after the resize: RESCAN (progress from rescannedStorageBytes), BACKLOG, CONTINUOUS again
    clock.advance(
        Duration.ofSeconds(200)
            .minus(Duration.between(Instant.parse("2026-05-01T08:00:00Z"), clock.instant())));
    recorded.clear();
    WatchResult second = watcher().ids(named).build().watch();
    assertThat(second.outcome()).isEqualTo(WatchOutcome.SETTLED);
    List<ServerReplicationStatus> after =
        recorded.events(ReplicationStatusChanged.class).stream()
            .map(ReplicationStatusChanged::current)
            .toList();
    assertThat(after)
        .extracting(s -> s.replicationState().orElseThrow())
        .containsSubsequence("RESCAN", "BACKLOG", "CONTINUOUS");
    List<ServerReplicationStatus> rescans =
        after.stream().filter(s -> s.replicationState().orElseThrow().equals("RESCAN")).toList();
    assertThat(rescans).hasSizeGreaterThan(1);
    assertThat(rescans).allSatisfy(s -> assertThat(s.percent()).isEqualTo(100.0));
    assertThat(rescans.get(1).progressPercent())
        .isGreaterThan(rescans.get(0).progressPercent())
        .isLessThan(100.0);

    // after the cutover: DISCONNECTED with lifecycle CUTOVER is finished, not failed
    clock.advance(Duration.ofSeconds(400));
    WatchResult last = watcher().ids(named).build().watch();
    assertThat(last.outcome()).isEqualTo(WatchOutcome.SETTLED);
    assertThat(last.servers())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.replicationState()).hasValue("DISCONNECTED");
              assertThat(s.lifecycleState()).hasValue("CUTOVER");
              assertThat(s.health()).isEqualTo(ReplicationHealth.FINISHED);
            });
  }

  @Test
  void serversWithoutAnAgentAreLeftOutOfWatchingEverythingUnlessNamed() throws Exception {
    String imported =
        mgn.addSourceServer(s -> s.hostname("imported").lifeCycleState(LifeCycleState.DISCOVERED));
    register("web-1", GIB);

    WatchResult all = watcher().build().watch();
    assertThat(all.outcome()).isEqualTo(WatchOutcome.SETTLED);
    assertThat(all.servers()).extracting(s -> s.hostname().orElse("-")).containsExactly("web-1");

    WatchResult named = watcher().ids(List.of(new SourceServerId(imported))).build().watch();
    assertThat(named.outcome()).isEqualTo(WatchOutcome.SETTLED);
    assertThat(named.refreshes()).isEqualTo(1);
    assertThat(named.servers())
        .singleElement()
        .satisfies(s -> assertThat(s.health()).isEqualTo(ReplicationHealth.NOT_REPLICATING));
  }

  @Test
  void stoppedServerSettles() throws Exception {
    mgn.registerAgent(
        AgentRegistration.builder()
            .hostname("later")
            .disk("/dev/vda", GIB)
            .noReplication(true)
            .build());

    WatchResult result = watcher().build().watch();

    assertThat(result.outcome()).isEqualTo(WatchOutcome.SETTLED);
    assertThat(result.refreshes()).isEqualTo(1);
    assertThat(result.servers().get(0).health()).isEqualTo(ReplicationHealth.IDLE);
  }

  @Test
  void timeoutIsMeasuredOnTheInjectedClock() throws Exception {
    register("big", 1000 * GIB);

    WatchResult result = watcher().timeout(Duration.ofMinutes(2)).build().watch();

    assertThat(result.outcome()).isEqualTo(WatchOutcome.TIMED_OUT);
    assertThat(result.refreshes()).isEqualTo(9);
    assertThat(result.servers().get(0).replicationState()).hasValue("INITIAL_SYNC");
  }

  @Test
  void everyDocumentedErrorHasARemedy() {
    for (String code :
        List.of(
            "AGENT_NOT_SEEN",
            "SNAPSHOTS_FAILURE",
            "NOT_CONVERGING",
            "UNSTABLE_NETWORK",
            "FAILED_TO_CREATE_SECURITY_GROUP",
            "FAILED_TO_LAUNCH_REPLICATION_SERVER",
            "FAILED_TO_BOOT_REPLICATION_SERVER",
            "FAILED_TO_AUTHENTICATE_WITH_SERVICE",
            "FAILED_TO_DOWNLOAD_REPLICATION_SOFTWARE",
            "FAILED_TO_CREATE_STAGING_DISKS",
            "FAILED_TO_ATTACH_STAGING_DISKS",
            "FAILED_TO_PAIR_REPLICATION_SERVER_WITH_AGENT",
            "FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER",
            "FAILED_TO_START_DATA_TRANSFER",
            "UNSUPPORTED_VM_CONFIGURATION",
            "LAST_SNAPSHOT_JOB_FAILED")) {
      var error = dev.mgnagent.mgn.ReplicationError.of(code, java.util.Optional.empty());
      assertThat(error.meaning()).as(code).doesNotContain("reports the replication error");
      assertThat(error.remedy()).as(code).isNotBlank();
    }
    assertThat(software.amazon.awssdk.services.mgn.model.DataReplicationErrorString.knownValues())
        .hasSize(16);
  }

  @Test
  void agentNotSeenSaysToCheckTheAgentServiceAndPort443() {
    var error = dev.mgnagent.mgn.ReplicationError.of("AGENT_NOT_SEEN", java.util.Optional.empty());

    assertThat(error.meaning()).contains("443");
    assertThat(error.remedy()).contains("agent service").contains("443");
    assertThat(DataReplicationState.STALLED.toString()).isEqualTo("STALLED");
  }
}
