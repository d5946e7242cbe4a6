package dev.mgnagent.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.disk.FakeBlockDevices;
import dev.mgnagent.testkit.mgn.AgentRegistration;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.SteppedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reconcile} in-process against the fake MGN and a testkit host tree. */
class ReconcileCommandTest {
  private static final long GIB = 1L << 30;

  @TempDir Path temp;

  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-06-01T10:00:00Z"));
  private FakeMgn mgn;

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().initialized(true).simulationClock(clock).build().start();
  }

  @AfterEach
  void stop() {
    mgn.close();
  }

  private CliRun reconcile(Path root, String id, String... more) {
    Map<String, String> env =
        Map.of(
            "AWS_ACCESS_KEY_ID",
            mgn.adminCredentials().accessKeyId(),
            "AWS_SECRET_ACCESS_KEY",
            mgn.adminCredentials().secretAccessKey(),
            "HOME",
            temp.toString());
    String[] base = {
      "reconcile",
      "--region",
      "us-east-1",
      "--endpoint",
      mgn.endpoint().toString(),
      "--source-server-id",
      id,
      "--host-root",
      root.toString()
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return CliRun.withEnvironment(env, all);
  }

  private String register(String... disks) {
    AgentRegistration.Builder b = AgentRegistration.builder().hostname("ip-10-0-0-1");
    for (String d : disks) {
      String[] parts = d.split("=");
      b.disk(parts[0], Long.parseLong(parts[1]) * GIB);
    }
    String id = mgn.registerAgent(b.build()).sourceServerId();
    clock.advance(Duration.ofMinutes(1));
    return id;
  }

  @Test
  void unchangedHostExitsZeroWithATable() {
    String id = register("/dev/xvda=8", "/dev/sdf=100");
    Path root = FakeBlockDeviceScenarios.nitroNvme().writeTo(temp.resolve("host"));

    CliRun run = reconcile(root, id);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("MGN DISK")
        .contains("WHAT TO DO")
        .contains("/dev/xvda (boot)  /dev/nvme0n1 (boot)")
        .contains("UNCHANGED");
  }

  @Test
  void newDiskOnTheHostExitsOneSayingToRerunTheInstaller() throws Exception {
    String id = register("/dev/nvme0n1=8");
    Path root = FakeBlockDeviceScenarios.nitroNvme().writeTo(temp.resolve("host"));

    CliRun run = reconcile(root, id, "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.path("needsAction").asBoolean()).isTrue();
    assertThat(doc.path("disks").get(1).path("change").asText()).isEqualTo("NOT_REPLICATED");
    assertThat(doc.path("disks").get(1).path("hostPath").asText()).isEqualTo("/dev/nvme1n1");
    assertThat(doc.path("disks").get(1).path("action").asText()).contains("rerun the installer");
  }

  @Test
  void renamedBootDiskIsFlagged() {
    String id = register("/dev/nvme0n1=8", "/dev/nvme1n1=100");
    Path root =
        FakeBlockDevices.builder()
            .nvmeDisk("nvme0n1", 100 * GIB)
            .done()
            .nvmeDisk("nvme1n1", 8 * GIB)
            .partition(1, 8 * GIB - (2L << 20))
            .done()
            .mount("/", "nvme1n1p1", "xfs")
            .writeTo(temp.resolve("host"));

    CliRun run = reconcile(root, id);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("warning: BOOT_DISK_RENAMED")
        .contains("re-enumerated")
        .contains("reinstall the agent");
  }

  @Test
  void unknownServerFails() {
    Path root = FakeBlockDeviceScenarios.nitroNvme().writeTo(temp.resolve("host"));

    CliRun run = reconcile(root, "s-0123456789abcdef0");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("has no source server s-0123456789abcdef0");
  }

  @Test
  void missingHostRootIsAnInvalidRequest() {
    CliRun run = reconcile(temp.resolve("nope"), "s-0123456789abcdef0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--host-root");
  }
}
