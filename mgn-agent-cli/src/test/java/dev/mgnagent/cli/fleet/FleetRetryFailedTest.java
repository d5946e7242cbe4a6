package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.Sleeper;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.HostConnector;
import dev.mgnagent.fleet.HostUnreachableException;
import dev.mgnagent.fleet.SshHostConnector;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import dev.mgnagent.testkit.ssh.FakeSshFleet;
import dev.mgnagent.testkit.ssh.FakeSshHost;
import dev.mgnagent.testkit.ssh.FakeSshHostBuilder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet install --retry-failed RESULTS}: a wave over a {@link FakeSshFleet} where three
 * hosts have faults, then the same inventory again once those hosts are repaired (a fleet of fake
 * servers without faults answers for them): exactly those three are installed, into a new results
 * file. And the results files it refuses.
 */
@Timeout(300)
class FleetRetryFailedTest {

  private static final List<String> NAMES = List.of("web-1", "web-2", "web-3", "web-4", "web-5");

  @TempDir Path temp;
  private MgnSandbox sandbox;
  private final List<FakeSshFleet> fleets = new ArrayList<>();
  private InputStream stdin;
  private final ObjectMapper json = new ObjectMapper();

  /** Every host the CLI connected to, by inventory name, in the current run. */
  private final List<String> connected = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() {
    stdin = System.in;
    sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .workDirectory(temp.resolve("sandbox"))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    System.setIn(stdin);
    fleets.forEach(FakeSshFleet::close);
    if (sandbox != null) {
      sandbox.close();
    }
  }

  /** Fake servers named as in the inventory; each name reached at its fake's port. */
  private HostConnector servers(Map<String, Consumer<FakeSshHostBuilder>> hosts, String label) {
    FakeSshFleet.Builder builder = FakeSshFleet.builder().directory(temp.resolve(label));
    // each server keeps its own MAC whichever fake answers for it: MGN tells servers apart by it
    hosts.forEach(
        (name, faults) ->
            builder.host(
                name,
                h -> faults.accept(h.macAddress("0a:00:00:00:00:0" + (NAMES.indexOf(name) + 1)))));
    FakeSshFleet fleet = builder.build().start();
    fleets.add(fleet);
    Map<String, String> local = Map.of("HOME", temp.resolve("home").toString(), "USER", "nobody");
    Path knownHosts = fleet.writeKnownHosts(temp.resolve(label + "-known_hosts"));
    SshHostConnector ssh =
        SshHostConnector.builder(local)
            .knownHosts(knownHosts)
            .identity(fleet.clientKey(temp.resolve(label + "-keys")))
            .user(fleet.hosts().get(0).target().user())
            .options(o -> o.knownHosts(knownHosts).killGrace(Duration.ZERO))
            .perHost(
                (h, o) -> o.remoteRoot(byPort(fleet, h.port().orElseThrow()).root().toString()))
            .build();
    return fleetHost -> {
      connected.add(fleetHost.address());
      if (!hosts.containsKey(fleetHost.address())) {
        throw new HostUnreachableException("UNREACHABLE", "not a server of this run", "none");
      }
      FakeSshHost fake = fleet.host(fleetHost.address());
      return ssh.connect(
          FleetHost.builder().address(fake.target().host()).port(fake.target().port()).build());
    };
  }

  private static FakeSshHost byPort(FakeSshFleet fleet, int port) {
    return fleet.hosts().stream().filter(h -> h.target().port() == port).findFirst().orElseThrow();
  }

  private CliRun install(HostConnector servers, Path inventory, String... extra) {
    System.setIn(
        new ByteArrayInputStream(
            (sandbox.adminCredentials().secretAccessKey() + "\n")
                .getBytes(StandardCharsets.UTF_8)));
    CliContext context =
        new CliContext(
                Map.of("HOME", temp.resolve("home").toString()),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                false)
            .withFleetConnectors(settings -> servers);
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
                "--skip-preflight",
                "--parallel",
                "3"));
    args.addAll(List.of(extra));
    return CliRun.withContext(context, args.toArray(String[]::new));
  }

  private Path inventory() throws Exception {
    return Files.writeString(temp.resolve("wave.csv"), "host\n" + String.join("\n", NAMES) + "\n");
  }

  private List<String> hostnames() {
    return sandbox.mgn().sourceServers().stream()
        .map(s -> s.sourceProperties().identificationHints().hostname())
        .toList();
  }

  private Map<String, String> outcomes(Path results) throws Exception {
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (String line : Files.readAllLines(results)) {
      JsonNode node = json.readTree(line);
      assertThat(outcomes.put(node.get("host").asText(), node.get("outcome").asText())).isNull();
    }
    return outcomes;
  }

  @Test
  void afterAWaveWithThreeFaultyHostsTheRetryInstallsExactlyThoseThree() throws Exception {
    Map<String, Consumer<FakeSshHostBuilder>> faulty = new LinkedHashMap<>();
    faulty.put("web-1", h -> {});
    faulty.put("web-2", FakeSshHostBuilder::unreachable);
    faulty.put("web-3", h -> {});
    faulty.put("web-4", FakeSshHostBuilder::authRefused);
    faulty.put("web-5", h -> h.sudoNeedsPassword(dev.mgnagent.Secret.of("not-given")));
    Path inventory = inventory();
    Path first = temp.resolve("wave-1.jsonl");

    CliRun wave = install(servers(faulty, "wave"), inventory, "--results", first.toString());

    assertThat(wave.exitCode()).as(wave.out() + wave.err()).isEqualTo(1);
    assertThat(outcomes(first))
        .containsEntry("web-1", "INSTALLED")
        .containsEntry("web-3", "INSTALLED")
        .containsEntry("web-2", "UNREACHABLE")
        .containsEntry("web-4", "UNREACHABLE")
        .containsEntry("web-5", "FAILED");
    assertThat(hostnames()).containsExactlyInAnyOrder("web-1", "web-3");

    // the three servers are repaired: the same names now reach fake servers without faults
    Map<String, Consumer<FakeSshHostBuilder>> repaired = new LinkedHashMap<>();
    repaired.put("web-2", h -> {});
    repaired.put("web-4", h -> {});
    repaired.put("web-5", h -> {});
    HostConnector again = servers(repaired, "repaired");
    connected.clear();
    Path second = temp.resolve("wave-1-retry.jsonl");

    CliRun retry =
        install(
            again, inventory, "--retry-failed", first.toString(), "--results", second.toString());

    assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
    assertThat(connected).containsExactlyInAnyOrder("web-2", "web-4", "web-5");
    assertThat(outcomes(second))
        .containsOnlyKeys("web-2", "web-4", "web-5")
        .allSatisfy((host, outcome) -> assertThat(outcome).isEqualTo("INSTALLED"));
    assertThat(retry.err()).contains("retrying 3 of 5 host(s): not INSTALLED in " + first);
    assertThat(hostnames()).containsExactlyInAnyOrderElementsOf(NAMES);
    // the first results file is left as it was
    assertThat(outcomes(first)).containsEntry("web-2", "UNREACHABLE").hasSize(5);

    // nothing left to retry: the retry's file shows every one of its hosts INSTALLED
    connected.clear();
    CliRun nothing =
        install(
            again, inventory("host\nweb-2\nweb-4\nweb-5\n"), "--retry-failed", second.toString());
    assertThat(nothing.exitCode()).as(nothing.err()).isZero();
    assertThat(nothing.err()).contains("nothing to retry");
    assertThat(connected).isEmpty();
  }

  private Path inventory(String text) throws Exception {
    return Files.writeString(temp.resolve("inventory-" + Math.abs(text.hashCode()) + ".csv"), text);
  }

  private CliRun refused(String results, String... extra) throws Exception {
    Path file = Files.writeString(temp.resolve("earlier.jsonl"), results);
    List<String> args = new ArrayList<>(List.of("--retry-failed", file.toString()));
    args.addAll(List.of(extra));
    connected.clear();
    return install(
        h -> {
          connected.add(h.address());
          throw new AssertionError("no host is reached");
        },
        inventory(),
        args.toArray(String[]::new));
  }

  @Test
  void aMalformedResultsFileExitsTwoNamingTheLine() throws Exception {
    CliRun run =
        refused(
            "{\"host\":\"web-1\",\"outcome\":\"INSTALLED\"}\n{\"host\":\"web-2\",\"outcome\":\n");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--retry-failed", "line 2").doesNotContain("Exception");
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(connected).isEmpty();
  }

  @Test
  void anUnknownOutcomeExitsTwoNamingTheLine() throws Exception {
    CliRun run = refused("{\"host\":\"web-1\",\"outcome\":\"DONE\"}\n");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("line 1", "DONE");
  }

  @Test
  void aHostNotInTheInventoryExitsTwoNamingTheLine() throws Exception {
    CliRun run =
        refused(
            "{\"host\":\"web-1\",\"outcome\":\"FAILED\"}\n\n{\"host\":\"db-9\",\"outcome\":\"FAILED\"}\n");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("line 3", "db-9", "not in the inventory");
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(connected).isEmpty();
  }

  @Test
  void theResultsFileReadIsNeverWrittenTo() throws Exception {
    String earlier = "{\"host\":\"web-1\",\"outcome\":\"FAILED\"}\n";
    Path file = temp.resolve("earlier.jsonl");

    CliRun run = refused(earlier, "--results", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--results", "new file");
    assertThat(Files.readString(file)).isEqualTo(earlier);
    assertThat(connected).isEmpty();
  }

  @Test
  void aMissingResultsFileExitsTwo() throws Exception {
    connected.clear();
    CliRun run =
        install(
            h -> {
              throw new AssertionError("no host is reached");
            },
            inventory(),
            "--retry-failed",
            temp.resolve("nowhere.jsonl").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nowhere.jsonl", "no such file");
  }

  @Test
  void resultsLinesTellHostsOfOneAddressApartByPort() throws Exception {
    Path inventory = inventory("host,port\n127.0.0.1,2201\n127.0.0.1,2202\n");
    Path results =
        Files.writeString(
            temp.resolve("by-port.jsonl"),
            "{\"host\":\"127.0.0.1\",\"port\":2201,\"outcome\":\"INSTALLED\"}\n"
                + "{\"host\":\"127.0.0.1\",\"port\":2202,\"outcome\":\"CANCELLED\"}\n");
    List<String> ports = Collections.synchronizedList(new ArrayList<>());

    CliRun run =
        install(
            h -> {
              ports.add(String.valueOf(h.port().orElseThrow()));
              throw new HostUnreachableException("UNREACHABLE", "refused.", "Check it.");
            },
            inventory,
            "--retry-failed",
            results.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(ports).containsExactly("2202");
    assertThat(run.err()).contains("no --results given");
  }
}
