package dev.mgnagent.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.testkit.mgn.AgentRegistration;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.SteppedClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;

/**
 * {@code disconnect}, {@code archive} and {@code delete} in-process against the fake MGN, and the
 * lifecycle, replication type and archived filters of {@code status}.
 */
class ServerLifeCommandTest {
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
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    mgn.close();
  }

  private CliRun run(String... args) {
    Map<String, String> env =
        Map.of(
            "AWS_ACCESS_KEY_ID",
            mgn.adminCredentials().accessKeyId(),
            "AWS_SECRET_ACCESS_KEY",
            mgn.adminCredentials().secretAccessKey(),
            "HOME",
            temp.toString());
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--region", "eu-west-3", "--endpoint", mgn.endpoint().toString()));
    return CliRun.withContext(
        new CliContext(env, clock, clock::advance, false), all.toArray(String[]::new));
  }

  private String register(String host) {
    return mgn.registerAgent(
            AgentRegistration.builder().hostname(host).disk("/dev/vda", GIB).build())
        .sourceServerId();
  }

  @Test
  void aReplicatingServerIsDisconnectedThenArchivedThenDeleted() throws Exception {
    String id = register("web-1");

    CliRun archiveTooEarly = run("archive", "--source-server-id", id);
    assertThat(archiveTooEarly.exitCode()).isEqualTo(1);
    assertThat(archiveTooEarly.err())
        .contains("MarkAsArchived refused for " + id)
        .contains("DISCONNECTED or CUTOVER")
        .doesNotContain("\tat ");
    CliRun deleteTooEarly = run("delete", "--source-server-id", id);
    assertThat(deleteTooEarly.exitCode()).isEqualTo(1);
    assertThat(deleteTooEarly.err())
        .contains("DeleteSourceServer refused")
        .contains("disconnect it first");
    assertThat(mgn.sourceServer(id)).isPresent();

    CliRun disconnect = run("disconnect", "--source-server-id", id, "--json");
    assertThat(disconnect.exitCode()).isZero();
    JsonNode after = json.readTree(disconnect.out());
    assertThat(after.path("operation").asText()).isEqualTo("DisconnectFromService");
    assertThat(after.path("server").path("sourceServerId").asText()).isEqualTo(id);
    assertThat(after.path("server").path("lifecycleState").asText()).isEqualTo("DISCONNECTED");
    assertThat(after.path("server").path("health").asText()).isEqualTo("FINISHED");
    assertThat(run("disconnect", "--source-server-id", id).err()).contains("already disconnected");

    CliRun archive = run("archive", "--source-server-id", id);
    assertThat(archive.exitCode()).isZero();
    assertThat(archive.out())
        .contains(id + " archived: lifecycle DISCONNECTED")
        .contains("archived\n");
    assertThat(mgn.sourceServer(id).orElseThrow().isArchived()).isTrue();

    CliRun delete = run("delete", "--source-server-id", id, "--json");
    assertThat(delete.exitCode()).isZero();
    assertThat(json.readTree(delete.out()).path("server").path("sourceServerId").asText())
        .isEqualTo(id);
    assertThat(mgn.sourceServer(id)).isEmpty();
  }

  @Test
  void anUnknownServerIsNamedAndABadIdIsABadRequest() {
    CliRun unknown = run("archive", "--source-server-id", "s-0000000000000000a");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("no source server s-0000000000000000a in eu-west-3");

    CliRun bad = run("delete", "--source-server-id", "web-1");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--source-server-id").doesNotContain("\tat ");
  }

  @Test
  void statusPassesTheLifecycleReplicationTypeAndArchivedFilters() throws Exception {
    String cutOver =
        mgn.addSourceServer(s -> s.hostname("old").lifeCycleState(LifeCycleState.CUTOVER));
    String ready =
        mgn.addSourceServer(s -> s.hostname("ready").lifeCycleState(LifeCycleState.READY_FOR_TEST));
    String archived =
        mgn.addSourceServer(
            s -> s.hostname("gone").lifeCycleState(LifeCycleState.DISCONNECTED).archived(true));
    mgn.clearRequests();

    assertThat(ids(run("status", "--json", "--lifecycle", "cutover,READY_FOR_TEST")))
        .containsExactlyInAnyOrder(cutOver, ready);
    assertThat(mgn.requests())
        .last()
        .satisfies(
            r ->
                assertThat(r.body())
                    .contains("\"lifeCycleStates\":[\"CUTOVER\",\"READY_FOR_TEST\"]"));
    assertThat(ids(run("status", "--json", "--archived", "true"))).containsExactly(archived);
    assertThat(ids(run("status", "--json", "--replication-type", "SNAPSHOT_SHIPPING"))).isEmpty();
    assertThat(mgn.requests())
        .last()
        .satisfies(
            r -> assertThat(r.body()).contains("\"replicationTypes\":[\"SNAPSHOT_SHIPPING\"]"));
    assertThat(ids(run("status", "--json", "--replication-type", "AGENT_BASED")))
        .containsExactlyInAnyOrder(cutOver, ready);

    CliRun bad = run("status", "--lifecycle", "FINISHED");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--lifecycle").contains("FINISHED");
  }

  private List<String> ids(CliRun run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> ids = new ArrayList<>();
    json.readTree(run.out())
        .path("servers")
        .forEach(s -> ids.add(s.path("sourceServerId").asText()));
    return ids;
  }
}
