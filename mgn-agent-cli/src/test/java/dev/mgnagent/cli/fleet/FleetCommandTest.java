package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.fleet.HostConnector;
import dev.mgnagent.fleet.HostUnreachableException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mgn-agent fleet} in this JVM, its hosts reached through a connector given in the CLI
 * context: a fake host tree (installed for real against a sandbox) and an unreachable host.
 */
class FleetCommandTest {

  @TempDir Path temp;
  private MgnSandbox sandbox;
  private final AtomicReference<SshSettings> sshSeen = new AtomicReference<>();
  private final ObjectMapper json = new ObjectMapper();
  private InputStream stdin;

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

  private CliContext context() {
    HostConnector hosts =
        fleetHost -> {
          if (fleetHost.address().equals("web-1")) {
            return sandbox.host();
          }
          throw new HostUnreachableException(
              "UNREACHABLE",
              "cannot connect to " + fleetHost + ": connection refused.",
              "Check that the host is up.");
        };
    return new CliContext(
            Map.of("HOME", temp.toString()), Clock.systemUTC(), dev.mgnagent.Sleeper.SYSTEM, false)
        .withFleetConnectors(
            settings -> {
              sshSeen.set(settings);
              return hosts;
            });
  }

  private Path inventory(String text) throws Exception {
    return Files.writeString(temp.resolve("hosts-" + text.hashCode() + ".csv"), text);
  }

  private CliRun install(Path inventory, String... extra) {
    System.setIn(
        new ByteArrayInputStream(
            (sandbox.adminCredentials().secretAccessKey() + "\n")
                .getBytes(StandardCharsets.UTF_8)));
    List<String> args =
        new ArrayList<>(
            List.of(
                "fleet",
                "install",
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
                "--skip-preflight"));
    args.addAll(List.of(extra));
    return CliRun.withContext(context(), args.toArray(String[]::new));
  }

  @Test
  void aHostNotInstalledExitsOneAndEveryHostGetsItsResultLine() throws Exception {
    Path results = temp.resolve("results.jsonl");
    CliRun run =
        install(
            inventory("host,user,tags\nweb-1,root,app=web\ngone-1,,\n"),
            "--results",
            results.toString(),
            "--user",
            "admin",
            "--known-hosts",
            temp.resolve("known").toString(),
            "--parallel",
            "1");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(2);
    Map<String, JsonNode> byHost = new java.util.HashMap<>();
    for (String line : lines) {
      JsonNode node = json.readTree(line);
      byHost.put(node.get("host").asText(), node);
    }
    JsonNode web = byHost.get("web-1");
    assertThat(web.get("outcome").asText()).isEqualTo("INSTALLED");
    assertThat(web.get("sourceServerId").asText())
        .isEqualTo(sandbox.mgn().sourceServers().get(0).sourceServerID());
    assertThat(web.get("durationMs").asLong()).isNotNegative();
    JsonNode gone = byHost.get("gone-1");
    assertThat(gone.get("outcome").asText()).isEqualTo("UNREACHABLE");
    assertThat(gone.get("reason").asText()).isEqualTo("UNREACHABLE");
    assertThat(gone.get("remedy").asText()).contains("host is up");
    assertThat(gone.get("sourceServerId").isNull()).isTrue();
    assertThat(run.out())
        .contains("[web-1] started")
        .contains("[web-1] INSTALLED as source server " + web.get("sourceServerId").asText())
        .contains("[gone-1] UNREACHABLE")
        .contains("mgn-agent: fleet: 1 installed, 0 failed, 1 unreachable");
    assertThat(sandbox.mgn().sourceServers().get(0).tags()).containsEntry("app", "web");
    String secret = sandbox.adminCredentials().secretAccessKey();
    assertThat(run.out()).doesNotContain(secret);
    assertThat(run.err()).doesNotContain(secret);
    assertThat(Files.readString(results)).doesNotContain(secret);
    SshSettings ssh = sshSeen.get();
    assertThat(ssh.user()).contains("admin");
    assertThat(ssh.knownHosts()).contains(temp.resolve("known"));
    assertThat(ssh.acceptNewHostKeys()).isFalse();
  }

  @Test
  void everyHostInstalledExitsZeroAndJsonEventsCarryTheHost() throws Exception {
    CliRun run = install(inventory("host\nweb-1\n"), "--json");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    List<JsonNode> events = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      events.add(json.readTree(line));
    }
    assertThat(events)
        .filteredOn(e -> e.get("type").asText().equals("installerOutput"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("host").asText()).isEqualTo("web-1"));
    assertThat(events)
        .filteredOn(e -> e.get("type").asText().equals("hostFinished"))
        .singleElement()
        .satisfies(e -> assertThat(e.get("outcome").asText()).isEqualTo("INSTALLED"));
    JsonNode result = events.get(events.size() - 1);
    assertThat(result.get("type").asText()).isEqualTo("result");
    assertThat(result.get("installed").asBoolean()).isTrue();
  }

  @Test
  void aMistakeInTheInventoryExitsTwoNamingItsLineAndColumn() throws Exception {
    CliRun run = install(inventory("host,port\nweb-1,22\nweb-2,ssh\n"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("line 3, column port").doesNotContain("Exception");
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(sandbox.mgn().sourceServers()).isEmpty();
  }

  @Test
  void badFleetValuesExitTwo() throws Exception {
    Path hosts = inventory("host\nweb-1\n");
    assertThat(install(hosts, "--max-failures", "ten").err()).contains("--max-failures");
    assertThat(install(hosts, "--max-failures", "101%").exitCode()).isEqualTo(2);
    assertThat(install(hosts, "--parallel", "0").exitCode()).isEqualTo(2);
    assertThat(install(temp.resolve("none.csv")).err()).contains("--inventory");
    assertThat(sandbox.mgn().sourceServers()).isEmpty();
  }

  @Test
  void twoOptionsReadingStandardInputExitTwoNamingBoth() throws Exception {
    CliRun run = install(inventory("host\nweb-1\n"), "--sudo-password-stdin");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--aws-secret-access-key-stdin")
        .contains("--sudo-password-stdin");
  }

  @Test
  void withoutATestConnectorTheHostsAreReachedOverSsh() throws Exception {
    // nothing listens on 127.0.0.1 port 1: the real SSH connector reports it unreachable
    CliRun run =
        CliRun.withEnvironment(
            Map.of("HOME", temp.toString()),
            "fleet",
            "disks",
            "--inventory",
            inventory("host,port\n127.0.0.1,1\n").toString(),
            "--known-hosts",
            temp.resolve("known_hosts").toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("UNREACHABLE");
  }

  @Test
  void disksAreListedPerHost() throws Exception {
    CliRun run =
        CliRun.withContext(
            context(),
            "fleet",
            "disks",
            "--inventory",
            inventory("host,devices\nweb-1,/dev/vdb\ngone-1,\n").toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("== web-1: DONE")
        .contains("/dev/vda")
        .contains("== gone-1: UNREACHABLE");
  }

  @Test
  void preflightGivesOneJsonDocumentWithAReportPerHost() throws Exception {
    CliRun run =
        CliRun.withContext(
            context(),
            "fleet",
            "preflight",
            "--inventory",
            inventory("host\nweb-1\ngone-1\n").toString(),
            "--json");

    JsonNode document = json.readTree(run.out());
    assertThat(document.get("hosts")).hasSize(2);
    assertThat(document.get("hosts").get(0).get("host").asText()).isEqualTo("web-1");
    assertThat(document.get("hosts").get(0).get("report").get("checks")).isNotEmpty();
    assertThat(document.get("hosts").get(1).get("status").asText()).isEqualTo("UNREACHABLE");
    assertThat(run.exitCode()).isEqualTo(1);
  }
}
