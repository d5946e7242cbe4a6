package dev.mgnagent.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.mgn.AgentRegistration;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.SimulationSettings;
import dev.mgnagent.testkit.mgn.SteppedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text MGN returns (a host name, a device name) reaches the terminal with its control characters
 * and escape sequences escaped: a source server registered with {@code web ESC ]0;pwned BEL} must
 * not retitle the terminal, and a device name with {@code ESC [2J} must not clear it.
 */
class HostileServiceTextTest {
  private static final long GIB = 1L << 30;
  private static final String HOSTNAME = "web\u001b]0;pwned\u0007";
  private static final String SHOWN_HOSTNAME = "web\\u001b]0;pwned\\u0007";
  private static final String DEVICE = "/dev/sdf\u001b[2J";
  private static final String SHOWN_DEVICE = "/dev/sdf\\u001b[2J";

  @TempDir Path temp;

  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-06-01T10:00:00Z"));
  private FakeMgn mgn;
  private String id;

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
    id =
        mgn.registerAgent(
                AgentRegistration.builder()
                    .hostname(HOSTNAME)
                    .disk("/dev/xvda", 8 * GIB)
                    .disk(DEVICE, GIB)
                    .build())
            .sourceServerId();
  }

  @AfterEach
  void stop() {
    mgn.close();
  }

  private CliRun run(boolean terminal, String... args) {
    Map<String, String> env =
        Map.of(
            "AWS_ACCESS_KEY_ID",
            mgn.adminCredentials().accessKeyId(),
            "AWS_SECRET_ACCESS_KEY",
            mgn.adminCredentials().secretAccessKey(),
            "HOME",
            temp.toString());
    String[] base = {"--region", "eu-west-3", "--endpoint", mgn.endpoint().toString()};
    String[] all = new String[args.length + base.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(base, 0, all, args.length, base.length);
    return CliRun.withContext(new CliContext(env, clock, clock::advance, terminal), all);
  }

  private static void assertNoControlCharacters(String text) {
    assertThat(text.replace("\n", "").chars().filter(Character::isISOControl))
        .as("control characters in %s", text)
        .isEmpty();
  }

  @Test
  void statusTableEscapesTheHostnameAndDeviceName() {
    clock.advance(Duration.ofSeconds(200));

    CliRun run = run(false, "status");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(SHOWN_HOSTNAME).contains(SHOWN_DEVICE);
    assertNoControlCharacters(run.out());
  }

  @Test
  void watchLinesEscapeTheHostname() {
    CliRun run = run(false, "status", "--watch");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(id + " " + SHOWN_HOSTNAME + "  INITIATING");
    assertNoControlCharacters(run.out());
  }

  @Test
  void watchScreenWritesOnlyItsOwnRedrawSequences() {
    CliRun run = run(true, "status", "--watch");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(SHOWN_HOSTNAME).contains(SHOWN_DEVICE);
    assertNoControlCharacters(run.out().replaceAll("\u001b\\[\\d+F\u001b\\[J", ""));
  }

  @Test
  void jsonCarriesTheHostnameAsItIsEscapedByJson() throws Exception {
    CliRun run = run(false, "status", "--json");

    assertThat(run.out()).contains("\\u001b").doesNotContain("\u001b");
    JsonNode server = new ObjectMapper().readTree(run.out()).path("servers").get(0);
    assertThat(server.path("hostname").asText()).isEqualTo(HOSTNAME);
    assertThat(server.path("disks").get(1).path("deviceName").asText()).isEqualTo(DEVICE);
  }

  @Test
  void reconcileTableEscapesTheDeviceName() {
    clock.advance(Duration.ofMinutes(1));
    Path root = FakeBlockDeviceScenarios.nitroNvme().writeTo(temp.resolve("host"));

    CliRun run = run(false, "reconcile", "--source-server-id", id, "--host-root", root.toString());

    assertThat(run.out()).startsWith("MGN DISK").contains(SHOWN_DEVICE);
    assertNoControlCharacters(run.out());
  }
}
