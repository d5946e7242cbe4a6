package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.Sleeper;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.fleet.HostUnreachableException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet plan} and {@code fleet install --dry-run} on a sandbox's fake host and an
 * unreachable one: per host the preflight, the disks, the flavor, the tags and the installer's
 * command line without secrets; nothing is installed and the host's tree is left as it was.
 */
class FleetPlanTest {

  @TempDir Path temp;
  private MgnSandbox sandbox;
  private InputStream stdin;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    stdin = System.in;
    sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .host(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
            .hostname("web-1")
            .workDirectory(temp.resolve("sandbox"))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    System.setIn(stdin);
    sandbox.close();
  }

  private CliRun run(String command, Path inventory, String... extra) {
    System.setIn(
        new ByteArrayInputStream(
            (sandbox.adminCredentials().secretAccessKey() + "\n")
                .getBytes(StandardCharsets.UTF_8)));
    CliContext context =
        new CliContext(Map.of("HOME", temp.toString()), Clock.systemUTC(), Sleeper.SYSTEM, false)
            .withFleetConnectors(
                settings ->
                    fleetHost -> {
                      if (fleetHost.address().equals("web-1")) {
                        return sandbox.host();
                      }
                      throw new HostUnreachableException(
                          "UNREACHABLE", "connection refused.", "Check that the host is up.");
                    });
    List<String> args =
        new ArrayList<>(
            List.of(
                "fleet",
                command,
                "--inventory",
                inventory.toString(),
                "--region",
                "eu-west-3",
                "--endpoint",
                sandbox.mgnEndpoint().toString(),
                "--s3-endpoint",
                sandbox.s3Endpoint().toString(),
                "--sha512",
                sandbox.sha512(InstallerFlavor.BINARY),
                "--aws-access-key-id",
                sandbox.adminCredentials().accessKeyId(),
                "--aws-secret-access-key-stdin",
                "--skip-preflight",
                "--tags",
                "wave=1",
                "--parallel",
                "1"));
    args.addAll(List.of(extra));
    return CliRun.withContext(context, args.toArray(String[]::new));
  }

  /** Every file under the host's tree with its size and modification time. */
  private Map<String, String> tree() {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(sandbox.hostRoot())) {
      walk.forEach(
          p -> {
            try {
              files.put(
                  sandbox.hostRoot().relativize(p).toString(),
                  Files.isDirectory(p)
                      ? "dir"
                      : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  @Test
  void planShowsWhatWouldBeInstalledOnEachHostAndChangesNothing() throws Exception {
    Path inventory =
        Files.writeString(temp.resolve("hosts.csv"), "host,tags\nweb-1,app=web\ngone-1,\n");
    Map<String, String> before = tree();

    CliRun plan = run("plan", inventory);

    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(1);
    assertThat(plan.out())
        .contains("== web-1: DONE")
        .contains("devices: /dev/vda, /dev/vdb")
        .contains("flavor: BINARY")
        .contains("tags: wave=1 app=web")
        .contains("== gone-1: UNREACHABLE");
    String installer =
        plan.out().lines().filter(l -> l.startsWith("installer: ")).findFirst().orElseThrow();
    assertThat(installer)
        .contains(" /tmp/mgn-agent-RANDOM/aws-replication-installer-init ")
        .contains("--region eu-west-3")
        .contains("--aws-access-key-id " + sandbox.adminCredentials().accessKeyId())
        .contains("--tags wave=1 app=web");
    String secret = sandbox.adminCredentials().secretAccessKey();
    assertThat(plan.out() + plan.err()).doesNotContain(secret);
    // nothing ran and nothing was left
    assertThat(sandbox.installer().runs()).isEmpty();
    assertThat(sandbox.mgn().sourceServers()).isEmpty();
    assertThat(tree()).isEqualTo(before);

    CliRun dryRun = run("install", inventory, "--dry-run");

    assertThat(dryRun.exitCode()).isEqualTo(1);
    assertThat(dryRun.out()).isEqualTo(plan.out());
    assertThat(sandbox.installer().runs()).isEmpty();
    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void everyHostReadableExitsZeroAndJsonCarriesThePlan() throws Exception {
    Path inventory = Files.writeString(temp.resolve("one.csv"), "host\nweb-1\n");

    CliRun plan = run("plan", inventory, "--json");

    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    JsonNode host = json.readTree(plan.out()).get("hosts").get(0);
    assertThat(host.get("status").asText()).isEqualTo("DONE");
    JsonNode report = host.get("report");
    assertThat(report.get("devices")).hasSize(2);
    assertThat(report.get("flavor").asText()).isEqualTo("BINARY");
    assertThat(report.get("installer").toString()).contains("\"--region\"", "\"eu-west-3\"");
    assertThat(report.get("preflight").get("checks")).isNotEmpty();
    assertThat(sandbox.installer().runs()).isEmpty();
  }

  @Test
  void aPlanWritesNoResults() throws Exception {
    Path inventory = Files.writeString(temp.resolve("one.csv"), "host\nweb-1\n");
    Path results = temp.resolve("results.jsonl");

    CliRun plan = run("install", inventory, "--dry-run", "--results", results.toString());

    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.err()).contains("--dry-run", "--results");
    assertThat(results).doesNotExist();
  }
}
