package dev.mgnagent.tests.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Backoff;
import dev.mgnagent.Secret;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostInstallationFactory;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.SshHostConnector;
import dev.mgnagent.installer.DownloadSettings;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.testkit.installer.LightInstaller;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import dev.mgnagent.testkit.ssh.FakeSshFleet;
import dev.mgnagent.testkit.ssh.FakeSshHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A wave behind a bastion: 20 fake hosts whose names only the fleet's fake jump host resolves are
 * installed through it with {@link FleetInstallation} and an {@link SshHostConnector}, half of them
 * naming the jump host in their inventory row and half taking the fleet-wide one.
 */
class FleetThroughJumpHostTest {

  static final String KEY_ID = "ASIAFLEETJUMPCANARY20";
  static final String SECRET = "FleetJumpCanarySecretKey+wJalrXUtnFEMI/K7MDENG";
  static final String TOKEN = "FleetJumpCanarySessionToken//FwoGZXIvYXdzEBYa";
  static final int HOSTS = 20;

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

  @Test
  void twentyHostsBehindAJumpHostInstall() throws Exception {
    sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .workDirectory(temp.resolve("sandbox"))
            .build()
            .start();
    // what this test exercises is the fleet and the jump host, not the installer's conversation:
    // the light stand-in (bash and curl) spares 20 installer JVMs
    sandbox
        .bucket()
        .replaceInstaller(
            InstallerFlavor.BINARY,
            LightInstaller.builder().mgnEndpoint(sandbox.mgnEndpoint()).build().launcher());
    sandbox.mgn().addCredentials(AwsSessionCredentials.create(KEY_ID, SECRET, TOKEN), Set.of("*"));
    FakeSshFleet.Builder builder = FakeSshFleet.builder().directory(temp.resolve("fleet"));
    for (int i = 1; i <= HOSTS; i++) {
      builder.host(String.format("app-%02d", i), h -> h.behindJump());
    }
    fleet = builder.build().start();
    String jump = fleet.jumpHost().target().toString();
    List<FleetHost> inventory = new ArrayList<>();
    Map<String, FakeSshHost> byAddress = new HashMap<>();
    for (FakeSshHost host : fleet.hosts()) {
      assertThat(host.target().host()).endsWith(".invalid");
      FleetHost.Builder row = FleetHost.builder().address(host.target().host());
      if (inventory.size() % 2 == 0) {
        row.jump(jump); // the inventory's jump column
      }
      inventory.add(row.build());
      byAddress.put(host.target().host(), host);
    }
    Map<String, String> localEnvironment = new HashMap<>();
    localEnvironment.put("HOME", temp.resolve("home").toString());
    localEnvironment.put("USER", "nobody-local");
    FleetResult result;
    try (SshHostConnector connector =
        SshHostConnector.builder(localEnvironment)
            .knownHosts(fleet.writeKnownHosts(temp.resolve("known_hosts")))
            .identity(fleet.clientKey(temp.resolve("keys")))
            .user(fleet.jumpHost().target().user())
            .jump(jump) // the fleet-wide one, for the other half
            .options(o -> o.killGrace(Duration.ZERO))
            .perHost((host, o) -> o.remoteRoot(byAddress.get(host.address()).root().toString()))
            .build()) {
      result =
          FleetInstallation.builder()
              .hosts(inventory)
              .connector(connector)
              .installations(installations())
              .request(
                  sandbox
                      .installRequest()
                      .accessKeyId(KEY_ID)
                      .secretAccessKey(Secret.of(SECRET))
                      .sessionToken(Secret.of(TOKEN))
                      .build())
              .parallel(5)
              .build()
              .install();
    }

    assertThat(result.outcomes())
        .as(describe(result.outcomes()))
        .hasSize(HOSTS)
        .allMatch(o -> o.status() == HostStatus.INSTALLED);
    Set<String> hostnames = new HashSet<>();
    sandbox
        .mgn()
        .sourceServers()
        .forEach(s -> hostnames.add(s.sourceProperties().identificationHints().hostname()));
    assertThat(hostnames)
        .isEqualTo(fleet.hosts().stream().map(FakeSshHost::hostname).collect(Collectors.toSet()));
    for (FakeSshHost host : fleet.hosts()) {
      assertThat(sandbox.installer().isInstalledOn(host.root())).as(host.name()).isTrue();
    }
    // every connection went through the jump host, and it refused none
    assertThat(fleet.jumpHost().forwardedConnections()).isGreaterThanOrEqualTo(HOSTS);
    assertThat(fleet.jumpHost().refusedConnections()).isZero();
  }

  private static HostInstallationFactory installations() {
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

  private static String describe(List<HostOutcome> outcomes) {
    return outcomes.stream()
        .map(o -> o.host() + " " + o.status() + o.failure().map(f -> " " + f.message()).orElse(""))
        .collect(Collectors.joining("\n"));
  }
}
