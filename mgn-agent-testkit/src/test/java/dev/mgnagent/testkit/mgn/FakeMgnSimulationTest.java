package dev.mgnagent.testkit.mgn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiationStep;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiationStepName;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiationStepStatus;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/** Replication over a stepped simulation clock, read through the real SDK. */
class FakeMgnSimulationTest {
  private static final long GIB = 1L << 30;
  private static final SimulationSettings SETTINGS =
      SimulationSettings.defaults()
          .withInitiationStep(Duration.ofSeconds(10))
          .withSyncBytesPerSecond(GIB / 10)
          .withMaxInitialSync(Duration.ofDays(1));

  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-03-01T12:00:00Z"));
  private FakeMgn mgn;
  private MgnClient client;

  @BeforeEach
  void start() {
    mgn =
        FakeMgn.builder()
            .initialized(true)
            .simulationClock(clock)
            .simulation(SETTINGS)
            .build()
            .start();
    client = Clients.noRetry(mgn);
  }

  @AfterEach
  void stop() {
    client.close();
    mgn.close();
  }

  private SourceServer describe(String id) {
    return client.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(id))).items().get(0);
  }

  private String register(boolean noReplication) {
    return mgn.registerAgent(
            AgentRegistration.builder()
                .hostname("web-1")
                .macAddress("0a:00:00:00:00:01")
                .disk("/dev/vda", 2 * GIB)
                .disk("/dev/vdb", 4 * GIB)
                .noReplication(noReplication)
                .build())
        .sourceServerId();
  }

  private String register(String hostname, String mac) {
    return mgn.registerAgent(
            AgentRegistration.builder()
                .hostname(hostname)
                .macAddress(mac)
                .disk("/dev/vda", 2 * GIB)
                .build())
        .sourceServerId();
  }

  /** What the simulation decides of a server: its states, progress and times, not its ID. */
  private static String progress(SourceServer s) {
    return s.lifeCycle().toString() + s.dataReplicationInfo() + s.sourceProperties().disks();
  }

  @Test
  void aServerReadAloneAfterTheOthersShowsTheStateOfTheTimeItIsRead() {
    // each server is brought up to date when it is read: reading one server by its ID at each
    // step, never the other, gives the other the same state as reading every server every time
    FakeMgn eager =
        FakeMgn.builder()
            .initialized(true)
            .simulationClock(clock)
            .simulation(SETTINGS)
            .build()
            .start();
    try (MgnClient eagerClient = Clients.noRetry(eager)) {
      String watched = register("web-1", "0a:00:00:00:00:01");
      String left = register("web-2", "0a:00:00:00:00:02");
      List<String> eagerIds = new ArrayList<>();
      for (String[] host :
          new String[][] {{"web-1", "0a:00:00:00:00:01"}, {"web-2", "0a:00:00:00:00:02"}}) {
        eagerIds.add(
            eager
                .registerAgent(
                    AgentRegistration.builder()
                        .hostname(host[0])
                        .macAddress(host[1])
                        .disk("/dev/vda", 2 * GIB)
                        .build())
                .sourceServerId());
      }
      for (int step = 0; step < 25; step++) {
        clock.advance(Duration.ofSeconds(7));
        describe(watched); // only this one here
        eagerClient.describeSourceServers(r -> r.maxResults(10)); // every server there
      }

      SourceServer readLate = describe(left);
      SourceServer readEveryTime =
          eagerClient
              .describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(eagerIds.get(1))))
              .items()
              .get(0);
      assertThat(readLate.dataReplicationInfo().dataReplicationState())
          .isNotEqualTo(DataReplicationState.INITIATING);
      assertThat(progress(readLate)).isEqualTo(progress(readEveryTime));
      assertThat(progress(describe(watched)))
          .isEqualTo(
              progress(
                  eagerClient
                      .describeSourceServers(
                          r -> r.filters(f -> f.sourceServerIDs(eagerIds.get(0))))
                      .items()
                      .get(0)));
    } finally {
      eager.close();
    }
  }

  @Test
  void initiationStepsRunInOrderThenBytesGrowAndTheEtaFallsThenContinuous() {
    String id = register(false);
    List<DataReplicationInitiationStepName> inProgress = new ArrayList<>();

    SourceServer s = describe(id);
    while (s.dataReplicationInfo().dataReplicationState() == DataReplicationState.INITIATING) {
      assertThat(s.lifeCycle().state()).isEqualTo(LifeCycleState.NOT_READY);
      s.dataReplicationInfo().dataReplicationInitiation().steps().stream()
          .filter(st -> st.status() == DataReplicationInitiationStepStatus.IN_PROGRESS)
          .map(DataReplicationInitiationStep::name)
          .forEach(inProgress::add);
      clock.advance(Duration.ofSeconds(10));
      s = describe(id);
    }
    assertThat(inProgress)
        .containsExactly(
            DataReplicationInitiationStepName.WAIT,
            DataReplicationInitiationStepName.CREATE_SECURITY_GROUP,
            DataReplicationInitiationStepName.LAUNCH_REPLICATION_SERVER,
            DataReplicationInitiationStepName.BOOT_REPLICATION_SERVER,
            DataReplicationInitiationStepName.AUTHENTICATE_WITH_SERVICE,
            DataReplicationInitiationStepName.DOWNLOAD_REPLICATION_SOFTWARE,
            DataReplicationInitiationStepName.CREATE_STAGING_DISKS,
            DataReplicationInitiationStepName.ATTACH_STAGING_DISKS,
            DataReplicationInitiationStepName.PAIR_REPLICATION_SERVER_WITH_AGENT,
            DataReplicationInitiationStepName.CONNECT_AGENT_TO_REPLICATION_SERVER,
            DataReplicationInitiationStepName.START_DATA_TRANSFER);

    long lastBytes = -1;
    Duration lastRemaining = null;
    int syncRefreshes = 0;
    while (s.dataReplicationInfo().dataReplicationState() == DataReplicationState.INITIAL_SYNC) {
      long bytes =
          s.dataReplicationInfo().replicatedDisks().stream()
              .mapToLong(d -> d.replicatedStorageBytes())
              .sum();
      Instant eta = Instant.parse(s.dataReplicationInfo().etaDateTime());
      Duration remaining = Duration.between(mgn.simulationNow(), eta);
      assertThat(bytes).isGreaterThan(lastBytes);
      if (lastRemaining != null) {
        assertThat(remaining).isLessThan(lastRemaining);
      }
      lastBytes = bytes;
      lastRemaining = remaining;
      syncRefreshes++;
      clock.advance(Duration.ofSeconds(5));
      s = describe(id);
    }
    assertThat(syncRefreshes).isGreaterThan(5);
    assertThat(s.dataReplicationInfo().dataReplicationState())
        .isEqualTo(DataReplicationState.CONTINUOUS);
    assertThat(s.lifeCycle().state()).isEqualTo(LifeCycleState.READY_FOR_TEST);
    assertThat(s.dataReplicationInfo().lagDuration()).isEqualTo("PT1S");
    assertThat(s.dataReplicationInfo().replicatedDisks())
        .allSatisfy(d -> assertThat(d.replicatedStorageBytes()).isEqualTo(d.totalStorageBytes()));
  }

  @Test
  void etaDateTimeItselfFallsDuringTheSync() {
    String id = register(false);
    clock.advance(Duration.ofSeconds(111));
    Instant first = Instant.parse(describe(id).dataReplicationInfo().etaDateTime());
    clock.advance(Duration.ofSeconds(10));
    Instant second = Instant.parse(describe(id).dataReplicationInfo().etaDateTime());

    assertThat(second).isBefore(first);
  }

  @Test
  void noReplicationServerStaysStoppedUntilStartReplication() {
    String id = register(true);
    clock.advance(Duration.ofHours(5));

    assertThat(describe(id).dataReplicationInfo().dataReplicationState())
        .isEqualTo(DataReplicationState.STOPPED);
    assertThat(describe(id).lifeCycle().state()).isEqualTo(LifeCycleState.STOPPED);

    client.startReplication(r -> r.sourceServerID(id));
    assertThat(describe(id).dataReplicationInfo().dataReplicationState())
        .isEqualTo(DataReplicationState.INITIATING);
    clock.advance(Duration.ofHours(1));
    assertThat(describe(id).dataReplicationInfo().dataReplicationState())
        .isEqualTo(DataReplicationState.CONTINUOUS);
  }

  @Test
  void scriptedErrorWhileInitiatingFailsTheCurrentStep() {
    String id = register(false);
    clock.advance(Duration.ofSeconds(95));
    mgn.failReplication(id, "FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER");
    clock.advance(Duration.ofHours(1));

    SourceServer s = describe(id);
    assertThat(s.dataReplicationInfo().dataReplicationError().errorAsString())
        .isEqualTo("FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER");
    assertThat(s.dataReplicationInfo().dataReplicationInitiation().steps())
        .filteredOn(st -> st.status() == DataReplicationInitiationStepStatus.FAILED)
        .extracting(DataReplicationInitiationStep::name)
        .containsExactly(DataReplicationInitiationStepName.CONNECT_AGENT_TO_REPLICATION_SERVER);
  }

  @Test
  void agentNotSeenDuringSyncStallsUntilResumed() {
    String id = register(false);
    clock.advance(Duration.ofSeconds(130));
    long before =
        describe(id).dataReplicationInfo().replicatedDisks().get(0).replicatedStorageBytes();
    mgn.failReplication(id, "AGENT_NOT_SEEN");
    clock.advance(Duration.ofMinutes(10));

    SourceServer stalled = describe(id);
    assertThat(stalled.dataReplicationInfo().dataReplicationState())
        .isEqualTo(DataReplicationState.STALLED);
    assertThat(stalled.dataReplicationInfo().dataReplicationError().errorAsString())
        .isEqualTo("AGENT_NOT_SEEN");
    assertThat(stalled.dataReplicationInfo().replicatedDisks().get(0).replicatedStorageBytes())
        .isEqualTo(before);

    mgn.resumeReplication(id);
    clock.advance(Duration.ofSeconds(5));
    SourceServer resumed = describe(id);
    assertThat(resumed.dataReplicationInfo().dataReplicationState())
        .isEqualTo(DataReplicationState.INITIAL_SYNC);
    assertThat(resumed.dataReplicationInfo().dataReplicationError()).isNull();
    assertThat(resumed.dataReplicationInfo().replicatedDisks().get(0).replicatedStorageBytes())
        .isGreaterThan(before);
  }

  @Test
  void stallWithoutErrorIsStalled() {
    String id = register(false);
    clock.advance(Duration.ofHours(2));
    mgn.stallReplication(id);

    assertThat(describe(id).dataReplicationInfo().dataReplicationState())
        .isEqualTo(DataReplicationState.STALLED);
  }

  @Test
  void advanceNeedsASteppedClock() {
    try (FakeMgn wall = FakeMgn.builder().build()) {
      assertThatThrownBy(() -> wall.advance(Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SteppedClock");
    }
  }

  @Test
  void sandboxSettingsSyncAnyDiskWithinTenRealSecondsAtSixtyTimesSpeed() {
    SimulationSettings sandbox = SimulationSettings.sandbox();
    Duration initiation = sandbox.initiationStep().multipliedBy(11);
    Duration biggest = sandbox.syncTime(16L << 40);

    assertThat(initiation.plus(biggest).dividedBy(60)).isLessThanOrEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void simulationClockIsNotTheSignatureClock() {
    clock.advance(Duration.ofDays(30));

    assertThat(client.describeSourceServers(r -> {}).items()).isEmpty();
  }
}
