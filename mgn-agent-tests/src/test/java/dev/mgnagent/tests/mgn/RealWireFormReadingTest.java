package dev.mgnagent.tests.mgn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.mgn.InitiationStep;
import dev.mgnagent.mgn.ReplicationHealth;
import dev.mgnagent.mgn.ReplicationStatusChanged;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ReplicationWatcher;
import dev.mgnagent.mgn.ServerFilter;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.WatchOutcome;
import dev.mgnagent.mgn.WatchResult;
import dev.mgnagent.testkit.event.RecordingEventListener;
import dev.mgnagent.testkit.mgn.AgentRegistration;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.SimulationSettings;
import dev.mgnagent.testkit.mgn.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;

/**
 * Core's status reader and watcher on answers in the form real MGN sends: dates with microseconds
 * and {@code +00:00}, {@code P0D} lags, the current model's {@code SETUP_FSX_PROXY} step, the
 * snapshot states, and a server archived after its cutover.
 */
class RealWireFormReadingTest {
  /** A disk that copies in exactly 10 s. */
  private static final long DISK = 1_000_000_000L;

  private static final Instant T0 = Instant.parse("2026-11-20T10:15:30.123456Z");

  private final SteppedClock clock = new SteppedClock(T0);
  private final RecordingEventListener recorded = new RecordingEventListener();
  private FakeMgn mgn;
  private MgnClient client;

  private void start(Consumer<FakeMgn.Builder> options) {
    FakeMgn.Builder b =
        FakeMgn.builder()
            .initialized(true)
            .simulationClock(clock)
            .simulation(
                SimulationSettings.defaults()
                    .withInitiationStep(Duration.ofSeconds(10))
                    .withSyncBytesPerSecond(DISK / 10));
    options.accept(b);
    mgn = b.build().start();
    client = mgn.newClient();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (mgn != null) {
      mgn.close();
    }
  }

  private String register(String host) {
    return mgn.registerAgent(
            AgentRegistration.builder()
                .hostname(host)
                .macAddress("0a:40:f1:e8:b2:2d")
                .disk("/dev/xvda", DISK)
                .build())
        .sourceServerId();
  }

  private ServerReplicationStatus read(String id) {
    return ReplicationStatusReader.of(client).read(List.of(new SourceServerId(id))).get(0);
  }

  private ReplicationWatcher.Builder watcher(String id) {
    return ReplicationWatcher.builder()
        .reader(ReplicationStatusReader.of(client))
        .ids(List.of(new SourceServerId(id)))
        .interval(Duration.ofSeconds(15))
        .timeout(Duration.ofHours(1))
        .clock(clock)
        .sleeper(clock::advance)
        .eventListener(recorded);
  }

  @Test
  void microsecondDatesAndTheNextAttemptAreReadToTheMicrosecond() {
    start(b -> {});
    String id = register("web-1");
    mgn.retryingError(
        id, "FAILED_TO_LAUNCH_REPLICATION_SERVER", Duration.ZERO, Duration.ofSeconds(30));

    ServerReplicationStatus retrying = read(id);
    assertThat(retrying.nextAttempt()).hasValue(T0.plusSeconds(30));
    assertThat(retrying.health()).isEqualTo(ReplicationHealth.RETRYING);

    // 110 s of initiation, then the sync: the ETA is a microsecond date in the future
    mgn.advance(Duration.ofSeconds(112));
    ServerReplicationStatus syncing = read(id);
    assertThat(syncing.replicationState()).hasValue("INITIAL_SYNC");
    assertThat(syncing.eta()).hasValueSatisfying(eta -> assertThat(eta).isAfter(clock.instant()));
    assertThat(syncing.eta().orElseThrow().getNano() % 1000_000).isEqualTo(456_000);
  }

  @Test
  void aZeroLagWrittenP0DIsReadAsZero() {
    start(b -> {});
    String id = mgn.addSourceServer(s -> s.hostname("done"));

    ServerReplicationStatus s = read(id);

    assertThat(s.lag()).hasValue(Duration.ZERO);
    assertThat(s.health()).isEqualTo(ReplicationHealth.CONTINUOUS);
  }

  @Test
  void theFsxProxyStepUnknownToTheSdkIsShownAndDoesNotLookInProgress() {
    start(b -> {});
    String id = register("web-1");
    ServerReplicationStatus initiating = read(id);
    assertThat(initiating.initiationSteps())
        .last()
        .isEqualTo(new InitiationStep("SETUP_FSX_PROXY", "NOT_STARTED"));
    assertThat(initiating.currentStep().map(InitiationStep::name)).hasValue("WAIT");

    mgn.advance(Duration.ofSeconds(200));
    ServerReplicationStatus continuous = read(id);
    assertThat(continuous.initiationSteps())
        .hasSize(12)
        .last()
        .isEqualTo(new InitiationStep("SETUP_FSX_PROXY", "SKIPPED"));
    assertThat(continuous.currentStep()).isEmpty();
    assertThat(continuous.health()).isEqualTo(ReplicationHealth.CONTINUOUS);
  }

  @Test
  void theWatchFollowsTheSnapshotStatesAfterTheInitialSyncToContinuous() throws Exception {
    start(
        b ->
            b.afterInitialSync(
                Duration.ofMinutes(1),
                "CREATING_SNAPSHOT",
                "PENDING_SNAPSHOT_SHIPPING",
                "SHIPPING_SNAPSHOT"));
    String id = register("web-1");

    WatchResult result = watcher(id).build().watch();

    assertThat(result.outcome()).isEqualTo(WatchOutcome.SETTLED);
    assertThat(result.servers().get(0).health()).isEqualTo(ReplicationHealth.CONTINUOUS);
    List<ServerReplicationStatus> changes =
        recorded.events(ReplicationStatusChanged.class).stream()
            .map(ReplicationStatusChanged::current)
            .toList();
    assertThat(changes)
        .extracting(s -> s.replicationState().orElseThrow())
        .containsSubsequence(
            "INITIATING",
            "CREATING_SNAPSHOT",
            "PENDING_SNAPSHOT_SHIPPING",
            "SHIPPING_SNAPSHOT",
            "CONTINUOUS");
    assertThat(changes)
        .filteredOn(s -> s.replicationState().orElseThrow().contains("SNAPSHOT"))
        .allSatisfy(
            s -> {
              assertThat(s.health()).isEqualTo(ReplicationHealth.IN_PROGRESS);
              assertThat(s.lifecycleState()).hasValue("NOT_READY");
              assertThat(s.percent()).isEqualTo(100.0);
            });
    // the watch ends once CONTINUOUS: 110 s of initiation, 10 s of sync, 3 minutes of snapshots
    assertThat(clock.instant()).isAfterOrEqualTo(T0.plusSeconds(300));
  }

  @Test
  void aServerArchivedAfterItsCutoverIsFinished() throws Exception {
    start(b -> {});
    String id = register("web-1");
    mgn.cutover(id, Duration.ofMinutes(10)).advance(Duration.ofMinutes(10));
    assertThat(client.markAsArchived(r -> r.sourceServerID(id)).isArchived()).isTrue();

    ServerReplicationStatus s = read(id);
    assertThat(s.archived()).isTrue();
    assertThat(s.replicationState()).hasValue("DISCONNECTED");
    assertThat(s.lifecycleState()).hasValue("CUTOVER");
    assertThat(s.health()).isEqualTo(ReplicationHealth.FINISHED);

    WatchResult named = watcher(id).build().watch();
    assertThat(named.outcome()).isEqualTo(WatchOutcome.SETTLED);
    assertThat(named.servers())
        .singleElement()
        .satisfies(x -> assertThat(x.health()).isEqualTo(ReplicationHealth.FINISHED));
    // archived servers are out of "everything" and in an archived listing
    assertThat(ReplicationStatusReader.of(client).read(ServerFilter.ids(List.of()))).isEmpty();
    assertThat(
            ReplicationStatusReader.of(client)
                .read(new ServerFilter(List.of(), List.of(), List.of(), Optional.of(true))))
        .extracting(x -> x.health())
        .containsExactly(ReplicationHealth.FINISHED);
  }

  @Test
  void aServerDisconnectedWithoutACutoverAndArchivedIsFinished() {
    start(b -> {});
    String id = register("web-1");
    mgn.advance(Duration.ofMinutes(5));
    client.disconnectFromService(r -> r.sourceServerID(id));
    client.markAsArchived(r -> r.sourceServerID(id));

    ServerReplicationStatus s = read(id);
    assertThat(s.replicationState()).hasValue(DataReplicationState.DISCONNECTED.toString());
    assertThat(s.lifecycleState()).hasValue("DISCONNECTED");
    assertThat(s.health()).isEqualTo(ReplicationHealth.FINISHED);
  }
}
