package dev.mgnagent.tests.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Backoff;
import dev.mgnagent.Secret;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.fleet.FailureLimit;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetHostEvent;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostFailure;
import dev.mgnagent.fleet.HostInstallationFactory;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.SshHostConnector;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.internal.DefaultAgentInstallation;
import dev.mgnagent.installer.DownloadSettings;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerStarted;
import dev.mgnagent.installer.InstallerUploaded;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.mgn.internal.SharedMgnClients;
import dev.mgnagent.testkit.event.RecordingEventListener;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import dev.mgnagent.testkit.ssh.FakeSshFleet;
import dev.mgnagent.testkit.ssh.FakeSshHost;
import dev.mgnagent.testkit.ssh.FakeSshHostBuilder;
import dev.mgnagent.testkit.ssh.FakeSshProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A fleet install over SSH end to end: {@link FleetInstallation} with an {@link SshHostConnector}
 * onto a {@link FakeSshFleet} (each host its own MINA server and fake Linux tree, commands run as
 * real processes), against the fake MGN and bucket of an {@link MgnSandbox}. One host per SSH
 * fault; each gets its own outcome and the healthy hosts are installed as distinct source servers.
 */
class FleetOverSshTest {

  static final String KEY_ID = "ASIAFLEETCANARY00019";
  static final String SECRET = "FleetCanarySecretKey+wJalrXUtnFEMI/K7MDENG";
  static final String TOKEN = "FleetCanarySessionToken//FwoGZXIvYXdzEBYaDNOTREAL";
  static final String SUDO_PASSWORD = "FleetCanarySudoPassword-7Qx";

  @TempDir Path temp;
  private MgnSandbox sandbox;
  private FakeSshFleet fleet;

  @AfterEach
  void stop() {
    if (fleet != null) {
      fleet.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private void start(Map<String, Consumer<FakeSshHostBuilder>> hosts) {
    sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .workDirectory(temp.resolve("sandbox"))
            .build()
            .start();
    sandbox.mgn().addCredentials(AwsSessionCredentials.create(KEY_ID, SECRET, TOKEN), Set.of("*"));
    FakeSshFleet.Builder builder = FakeSshFleet.builder().directory(temp.resolve("fleet"));
    hosts.forEach((name, faults) -> builder.host(name, faults::accept));
    fleet = builder.build().start();
  }

  /** The fleet's hosts as an inventory: each one's address and port. */
  private List<FleetHost> inventory() {
    List<FleetHost> hosts = new ArrayList<>();
    for (FakeSshHost host : fleet.hosts()) {
      hosts.add(
          FleetHost.builder().address(host.target().host()).port(host.target().port()).build());
    }
    return hosts;
  }

  private FakeSshHost fakeHostOf(FleetHost fleetHost) {
    return fleet.hosts().stream()
        .filter(h -> h.target().port() == fleetHost.port().orElseThrow())
        .findFirst()
        .orElseThrow();
  }

  private SshHostConnector connector(boolean withSudoPassword) {
    Map<String, String> localEnvironment = new HashMap<>();
    localEnvironment.put("HOME", temp.resolve("home").toString());
    localEnvironment.put("USER", "nobody-local");
    SshHostConnector.Builder ssh =
        SshHostConnector.builder(localEnvironment)
            .knownHosts(fleet.writeKnownHosts(temp.resolve("known_hosts")))
            .identity(fleet.clientKey(temp.resolve("keys")))
            .user(fleet.hosts().get(0).target().user())
            .options(o -> o.knownHosts(temp.resolve("known_hosts")).killGrace(Duration.ZERO))
            .perHost((host, o) -> o.remoteRoot(fakeHostOf(host).root().toString()));
    if (withSudoPassword) {
      ssh.sudoPassword(Secret.of(SUDO_PASSWORD));
    }
    return ssh.build();
  }

  private static HostInstallationFactory.Configured installations() {
    return HostInstallationFactory.configured(
        b ->
            b.registrarSettings(
                    RegistrarSettings.builder()
                        .installerTimeout(Duration.ofMinutes(2))
                        .confirmationInterval(Duration.ofMillis(100))
                        .confirmationAttempts(100)
                        .build())
                .downloadSettings(
                    DownloadSettings.builder().maxAttempts(2).backoff(Backoff.NONE).build()));
  }

  private InstallRequest request() {
    return sandbox
        .installRequest()
        .accessKeyId(KEY_ID)
        .secretAccessKey(Secret.of(SECRET))
        .sessionToken(Secret.of(TOKEN))
        .build();
  }

  @Test
  void eachFaultGivesItsOwnOutcomeAndTheHealthyHostsAreInstalled() throws Exception {
    Map<String, Consumer<FakeSshHostBuilder>> hosts = new LinkedHashMap<>();
    hosts.put("web-1", h -> {});
    hosts.put("web-2", h -> {});
    hosts.put("gone", FakeSshHostBuilder::unreachable);
    hosts.put("locked", FakeSshHostBuilder::authRefused);
    hosts.put("moved", FakeSshHostBuilder::changedHostKey);
    hosts.put("pw", h -> h.sudoNeedsPassword(Secret.of("another-password")));
    hosts.put("tty", FakeSshHostBuilder::sudoRequiretty);
    hosts.put("slow", h -> h.slowLink(Duration.ofMillis(4)));
    hosts.put("drop", h -> h.dropConnectionWhenCommandContains("aws-replication-installer-init"));
    start(hosts);
    // the canary: while the hosts install, every process any fake host runs is read
    List<String> commandLines = Collections.synchronizedList(new ArrayList<>());
    RecordingEventListener recorded = new RecordingEventListener();
    EventListener events =
        event -> {
          recorded.onEvent(event);
          commandLines.addAll(commandLinesOnTheHosts());
        };

    FleetResult result =
        FleetInstallation.builder()
            .hosts(inventory())
            .connector(connector(false))
            .installations(installations())
            .request(request())
            .parallel(4)
            .eventListener(events)
            .build()
            .install();

    Map<String, HostOutcome> byName = new LinkedHashMap<>();
    for (HostOutcome outcome : result.outcomes()) {
      byName.put(fakeHostOf(outcome.host()).name(), outcome);
    }
    assertThat(byName).containsOnlyKeys(hosts.keySet());
    Map<String, String> statuses =
        byName.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        e.getValue().status()
                            + e.getValue().failure().map(f -> " " + f.reason()).orElse("")));
    assertThat(statuses)
        .as(describe(byName))
        .containsEntry("web-1", "INSTALLED")
        .containsEntry("web-2", "INSTALLED")
        .containsEntry("slow", "INSTALLED")
        .containsEntry("gone", "UNREACHABLE UNREACHABLE")
        .containsEntry("locked", "UNREACHABLE AUTH_REFUSED")
        .containsEntry("moved", "UNREACHABLE HOST_KEY_CHANGED")
        .containsEntry("pw", "FAILED SUDO_PASSWORD_REQUIRED")
        .containsEntry("tty", "FAILED SUDO_REQUIRETTY")
        .containsEntry("drop", "FAILED CONNECTION_LOST");
    // a changed key shows both fingerprints
    assertThat(byName.get("moved").failure().orElseThrow().message())
        .contains(fleet.host("moved").hostKeyFingerprint())
        .contains(fleet.host("moved").servedHostKeyFingerprint());
    // each installed host is a source server of its own, under its own hostname
    Map<String, String> idByHostname = new HashMap<>();
    sandbox
        .mgn()
        .sourceServers()
        .forEach(
            s ->
                idByHostname.put(
                    s.sourceProperties().identificationHints().hostname(), s.sourceServerID()));
    assertThat(idByHostname).containsOnlyKeys("web-1", "web-2", "slow");
    for (String name : List.of("web-1", "web-2", "slow")) {
      assertThat(byName.get(name).sourceServerId().orElseThrow().value())
          .isEqualTo(idByHostname.get(name));
      assertThat(sandbox.installer().isInstalledOn(fleet.host(name).root())).isTrue();
    }
    // the installer was downloaded once for the whole fleet, then uploaded to each host
    String installerPath = sandbox.bucket().installerUrl(request().flavor()).getRawPath();
    assertThat(sandbox.bucket().requests(installerPath))
        .as("downloads of the installer")
        .hasSize(1);
    assertThat(recorded.events(FleetHostEvent.class))
        .filteredOn(e -> e.event() instanceof InstallerUploaded)
        .extracting(e -> fakeHostOf(e.host()).name())
        .contains("web-1", "web-2", "slow");
    // the canary saw the installer's own processes, and no secret on any command line
    assertThat(recorded.events(FleetHostEvent.class))
        .filteredOn(e -> e.event() instanceof InstallerStarted)
        .hasSize(3);
    assertThat(commandLines).anyMatch(c -> c.contains("aws-replication-installer-init"));
    assertThat(commandLines)
        .noneMatch(c -> c.contains(SECRET) || c.contains(TOKEN) || c.contains(SUDO_PASSWORD));
    assertThat(recorded.events().toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
    assertThat(result.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
    assertNothingOfMgnAgentLeft();
  }

  @Test
  void theHostsShareOneMgnClientAndEachReadsItsDisksTwice() {
    Map<String, Consumer<FakeSshHostBuilder>> hosts = new LinkedHashMap<>();
    hosts.put("web-1", h -> {});
    hosts.put("web-2", h -> {});
    hosts.put("web-3", h -> {});
    start(hosts);
    // the builders the fleet configured, one per host (the fleet adds its own settings to them)
    List<AgentInstallation.Builder> builders = Collections.synchronizedList(new ArrayList<>());

    FleetResult result =
        FleetInstallation.builder()
            .hosts(inventory())
            .connector(connector(false))
            .installations(installations().andThen(builders::add))
            .request(request())
            .parallel(3)
            .build()
            .install();

    assertThat(result.count(HostStatus.INSTALLED)).as(result.toString()).isEqualTo(3);
    assertThat(builders).hasSize(3);
    Set<SharedMgnClients> shared =
        builders.stream()
            .map(b -> ((DefaultAgentInstallation.BuilderImpl) b).sharedMgnClients().orElseThrow())
            .collect(Collectors.toSet());
    assertThat(shared).hasSize(1);
    SharedMgnClients clients = shared.iterator().next();
    assertThat(clients.built()).as("one client for the fleet's one set of keys").isEqualTo(1);
    assertThat(clients.isClosed()).as("closed by the fleet at its end").isTrue();
    // each host's disks are read once before the preflight (which checks that inventory) and once
    // to confirm the registered disks: the one-command inventory ran twice on every host
    for (FakeSshHost host : fleet.hosts()) {
      assertThat(host.processes())
          .as(host.name())
          .filteredOn(p -> p.command().contains("mgn-agent-inventory"))
          .hasSize(2);
    }
  }

  @Test
  void theSudoPasswordIsTypedNeverShownAndOpensTheHostThatNeedsIt() throws Exception {
    Map<String, Consumer<FakeSshHostBuilder>> hosts = new LinkedHashMap<>();
    hosts.put("pw", h -> h.sudoNeedsPassword(Secret.of(SUDO_PASSWORD)));
    hosts.put("web-1", h -> {});
    start(hosts);
    List<String> commandLines = Collections.synchronizedList(new ArrayList<>());
    RecordingEventListener recorded = new RecordingEventListener();

    FleetResult result =
        FleetInstallation.builder()
            .hosts(inventory())
            .connector(connector(true))
            .installations(installations())
            .request(request())
            .parallel(2)
            .eventListener(
                event -> {
                  recorded.onEvent(event);
                  commandLines.addAll(commandLinesOnTheHosts());
                })
            .build()
            .install();

    assertThat(result.outcomes())
        .as(describe(result.outcomes()))
        .extracting(HostOutcome::status)
        .containsOnly(HostStatus.INSTALLED);
    // the commands the host received went through sudo -S (what ran is not sampled: the fake
    // sudo execs the command once the password is read)
    assertThat(fleet.host("pw").processes())
        .extracting(FakeSshProcess::command)
        .anyMatch(c -> c.contains("sudo -S"));
    assertThat(commandLines)
        .noneMatch(c -> c.contains(SECRET) || c.contains(TOKEN) || c.contains(SUDO_PASSWORD));
    assertThat(recorded.events().toString()).doesNotContain(SUDO_PASSWORD);
    assertNothingOfMgnAgentLeft();
  }

  @Test
  void withMaxFailuresTwoNoHostStartsAfterTheThirdFailure() {
    Map<String, Consumer<FakeSshHostBuilder>> hosts = new LinkedHashMap<>();
    hosts.put("gone", FakeSshHostBuilder::unreachable);
    hosts.put("locked", FakeSshHostBuilder::authRefused);
    hosts.put("moved", FakeSshHostBuilder::changedHostKey);
    hosts.put("web-1", h -> {});
    hosts.put("web-2", h -> {});
    start(hosts);

    FleetResult result =
        FleetInstallation.builder()
            .hosts(inventory())
            .connector(connector(false))
            .installations(installations())
            .request(request())
            .parallel(1)
            .maxFailures(FailureLimit.count(2))
            .build()
            .install();

    assertThat(result.outcomes())
        .as(describe(result.outcomes()))
        .extracting(HostOutcome::status)
        .containsExactly(
            HostStatus.UNREACHABLE,
            HostStatus.UNREACHABLE,
            HostStatus.UNREACHABLE,
            HostStatus.SKIPPED,
            HostStatus.SKIPPED);
    assertThat(sandbox.mgn().sourceServers()).isEmpty();
    assertThat(fleet.host("web-1").processes()).isEmpty();
    assertThat(fleet.host("web-2").processes()).isEmpty();
  }

  /** Nothing named mgn-agent* is left in any host's /tmp (its TMPDIR), whatever its outcome. */
  private void assertNothingOfMgnAgentLeft() throws IOException {
    for (FakeSshHost host : fleet.hosts()) {
      Path tmp = host.root().resolve("tmp");
      if (Files.isDirectory(tmp)) {
        try (Stream<Path> left = Files.list(tmp)) {
          assertThat(left)
              .as(host.name())
              .noneMatch(p -> p.getFileName().toString().startsWith("mgn-agent"));
        }
      }
    }
  }

  /** The command lines of every live process the fake hosts ran, and of their trees. */
  private List<String> commandLinesOnTheHosts() {
    List<String> lines = new ArrayList<>();
    for (FakeSshHost host : fleet.hosts()) {
      for (FakeSshProcess process : host.processes()) {
        if (!process.isAlive()) {
          continue;
        }
        for (long pid : process.processTree()) {
          try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            lines.add(new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' '));
          } catch (IOException ended) {
            // ended meanwhile
          }
        }
      }
    }
    return lines;
  }

  private static String describe(Map<String, HostOutcome> outcomes) {
    StringBuilder text = new StringBuilder();
    outcomes.forEach((name, o) -> text.append(name).append(": ").append(line(o)).append('\n'));
    return text.toString();
  }

  private static String describe(List<HostOutcome> outcomes) {
    return outcomes.stream().map(FleetOverSshTest::line).collect(Collectors.joining("\n"));
  }

  private static String line(HostOutcome o) {
    return o.status()
        + o.failure()
            .map((HostFailure f) -> " " + f.step() + " " + f.reason() + ": " + f.message())
            .orElse("");
  }
}
