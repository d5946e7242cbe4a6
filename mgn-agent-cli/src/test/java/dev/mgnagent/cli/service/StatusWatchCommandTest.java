package dev.mgnagent.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.testkit.mgn.AgentRegistration;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.SimulationSettings;
import dev.mgnagent.testkit.mgn.SteppedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * {@code status --watch} in-process against the fake MGN: the command's sleeper steps the
 * simulation clock, so nothing waits on the wall clock.
 */
class StatusWatchCommandTest {
  private static final long GIB = 1L << 30;

  @TempDir Path temp;

  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-06-01T10:00:00Z"));
  private final ObjectMapper json = new ObjectMapper();
  private FakeMgn mgn;

  @BeforeEach
  void start() {
    mgn =
        FakeMgn.builder()
            .region("eu-west-3")
            .initialized(true)
            .simulationClock(clock)
            .simulation(
                SimulationSettings.defaults()
                    .withInitiationStep(Duration.ofSeconds(10))
                    .withSyncBytesPerSecond(GIB / 10))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    mgn.close();
  }

  private CliRun watch(boolean terminal, String... args) {
    Map<String, String> env =
        Map.of(
            "AWS_ACCESS_KEY_ID",
            mgn.adminCredentials().accessKeyId(),
            "AWS_SECRET_ACCESS_KEY",
            mgn.adminCredentials().secretAccessKey(),
            "HOME",
            temp.toString());
    List<String> all =
        new ArrayList<>(
            List.of(
                "status",
                "--watch",
                "--region",
                "eu-west-3",
                "--endpoint",
                mgn.endpoint().toString()));
    all.addAll(List.of(args));
    return CliRun.withContext(
        new CliContext(env, clock, clock::advance, terminal), all.toArray(String[]::new));
  }

  private String register(String host, boolean noReplication) {
    return mgn.registerAgent(
            AgentRegistration.builder()
                .hostname(host)
                .disk("/dev/vda", 2 * GIB)
                .disk("/dev/vdb", GIB)
                .noReplication(noReplication)
                .build())
        .sourceServerId();
  }

  @Test
  void initialSyncEndingContinuousExitsZeroWithPlainLines() {
    String id = register("web-1", false);

    CliRun run = watch(false, "--source-server-id", id);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(id + " web-1  INITIATING  step 1/12 WAIT")
        .contains("START_DATA_TRANSFER")
        .contains("INITIAL_SYNC  0% of 3.0 GiB, eta")
        .contains("CONTINUOUS  READY_FOR_TEST, lag 1s")
        .endsWith("every source server replicates continuously\n");
    assertThat(run.out()).doesNotContain("\033[");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonPrintsOneEventPerLineEndingWithTheResult() throws Exception {
    register("web-1", false);

    CliRun run = watch(false, "--json");

    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      lines.add(json.readTree(line));
    }
    assertThat(run.exitCode()).isZero();
    assertThat(lines.size()).isGreaterThan(5);
    assertThat(lines.subList(0, lines.size() - 1))
        .allSatisfy(l -> assertThat(l.path("type").asText()).isEqualTo("replicationStatusChanged"));
    assertThat(lines.get(0).path("replicationState").asText()).isEqualTo("INITIATING");
    assertThat(lines.get(0).path("disks")).hasSize(2);
    JsonNode result = lines.get(lines.size() - 1);
    assertThat(result.path("type").asText()).isEqualTo("result");
    assertThat(result.path("outcome").asText()).isEqualTo("SETTLED");
    assertThat(result.path("exitCode").asInt()).isZero();
  }

  @Test
  void stoppedServerExitsZeroWithANote() {
    register("later", true);

    CliRun run = watch(false);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("note: replication is STOPPED").contains("start-replication");
  }

  @Test
  void replicationErrorExitsOneWithTheRemedy() throws Exception {
    String id = register("web-1", false);
    clock.advance(Duration.ofSeconds(100));
    mgn.failReplication(id, "FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER");

    CliRun run = watch(false, "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    String[] lines = run.out().split("\n");
    JsonNode event = json.readTree(lines[0]);
    assertThat(event.path("error").path("code").asText())
        .isEqualTo("FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER");
    assertThat(event.path("error").path("remedy").asText()).contains("TCP 1500");
    JsonNode result = json.readTree(lines[lines.length - 1]);
    assertThat(result.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(result.path("exitCode").asInt()).isEqualTo(1);
  }

  @Test
  void stalledServerExitsOne() {
    String id = register("web-1", false);
    clock.advance(Duration.ofMinutes(3));
    mgn.stallReplication(id);

    CliRun run = watch(false);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("STALLED").contains("need attention");
  }

  @Test
  void disconnectedServerIsFinishedAndExitsZero() {
    String id = register("web-1", false);
    try (MgnClient client = mgn.newClient()) {
      client.disconnectFromService(r -> r.sourceServerID(id));
    }

    CliRun run = watch(false);

    // lifecycle DISCONNECTED with replication DISCONNECTED is the normal end, not a failure
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("DISCONNECTED").contains("archive the server");
  }

  @Test
  void aRetryingErrorIsShownWithItsRemedyAndTheWatchGoesOn() {
    String id = register("web-1", false);
    mgn.retryingError(
        id, "FAILED_TO_BOOT_REPLICATION_SERVER", Duration.ofSeconds(30), Duration.ofSeconds(30));

    CliRun run = watch(false, "--source-server-id", id);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "error FAILED_TO_BOOT_REPLICATION_SERVER (MGN retries by"
                + " itself at 2026-06-01T10:01:00Z)")
        .contains("To do: check the staging subnet")
        .contains("CONTINUOUS  READY_FOR_TEST");
  }

  @Test
  void timeoutExitsOne() {
    register("web-1", false);

    CliRun run = watch(false, "--watch-timeout", "1m", "--watch-interval", "20s");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("timed out after 4 refreshes");
  }

  @Test
  void terminalRedrawsInPlaceWithABarPerDisk() {
    register("web-1", false);

    CliRun run = watch(true);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\033[")
        .contains("/dev/vda       [")
        .contains("100%  2.0 GiB / 2.0 GiB")
        .contains("%  ")
        .contains(", eta ");
  }

  @Test
  void badTimeoutIsAnInvalidRequest() {
    CliRun run = watch(false, "--watch-timeout", "soon");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--watch-timeout 'soon' is not a positive duration");
  }
}
