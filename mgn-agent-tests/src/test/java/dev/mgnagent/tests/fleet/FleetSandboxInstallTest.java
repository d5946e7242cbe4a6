package dev.mgnagent.tests.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Backoff;
import dev.mgnagent.Secret;
import dev.mgnagent.Tags;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetHostEvent;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostInstallationFactory;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.HostUnreachableException;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.installer.DownloadSettings;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerOutput;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.event.RecordingEventListener;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * A fleet install that really runs: each host is a fake Linux host tree with its own hostname and
 * MAC, reached by a test connector, and the whole {@link AgentInstallation} (download, SHA-512
 * check, disk selection, the fake installer as a separate process, registration confirmed with the
 * fake MGN) runs per host. One host is unreachable and one has a failing installer.
 */
class FleetSandboxInstallTest {

  @TempDir Path temp;
  private FakeMgn mgn;
  private final Map<String, MgnSandbox> sandboxes = new LinkedHashMap<>();

  @AfterEach
  void stop() {
    sandboxes.values().forEach(MgnSandbox::close);
    if (mgn != null) {
      mgn.close();
    }
  }

  @Test
  void eachReachableHostIsInstalledAsItsOwnSourceServerWithItsOwnTags() {
    mgn =
        FakeMgn.builder().region("eu-west-3").initialized(true).sandboxSimulation().build().start();
    for (int i = 0; i < 3; i++) {
      String name = "web-" + i;
      sandboxes.put(
          name,
          MgnSandbox.builder()
              .sharedMgn(mgn)
              .host(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
              .workDirectory(temp.resolve(name))
              .hostname(name)
              .macAddress("02:42:ac:11:00:0" + i)
              .flavors(InstallerFlavor.BINARY)
              .build()
              .start());
    }
    sandboxes.get("web-2").installer().failWith(FakeInstallerFailure.KERNEL_HEADERS_MISSING);
    List<FleetHost> hosts =
        List.of(
            FleetHost.builder()
                .address("web-0")
                .tags(Tags.builder().add("app", "web0").build())
                .build(),
            FleetHost.of("web-1"),
            FleetHost.of("gone-1"),
            FleetHost.of("web-2"));
    RecordingEventListener events = new RecordingEventListener();
    MgnSandbox first = sandboxes.get("web-0");
    InstallRequest shared =
        InstallRequest.builder()
            .region(first.region())
            .accessKeyId(mgn.adminCredentials().accessKeyId())
            .secretAccessKey(Secret.of(mgn.adminCredentials().secretAccessKey()))
            .endpoint(mgn.endpoint())
            .s3Endpoint(first.s3Endpoint())
            .sandbox(true)
            .noPrompt(true)
            .tags(Tags.builder().add("wave", "1").build())
            .build();
    // each fake host publishes its own installer (it registers under that host's identity)
    HostInstallationFactory perHost =
        (fleetHost, host, listener) ->
            AgentInstallation.builder()
                .host(host)
                .eventListener(listener)
                .runAsRoot(true)
                .registrarSettings(
                    RegistrarSettings.builder()
                        .installerTimeout(Duration.ofMinutes(2))
                        .confirmationInterval(Duration.ofMillis(200))
                        .confirmationAttempts(100)
                        .build())
                .downloadSettings(
                    DownloadSettings.builder().maxAttempts(1).backoff(Backoff.NONE).build())
                .installerLocation(
                    request ->
                        InstallerLocation.viaEndpoint(
                            request.region(),
                            sandboxes.get(fleetHost.address()).s3Endpoint(),
                            request.flavor()))
                .build();

    FleetResult result =
        FleetInstallation.builder()
            .hosts(hosts)
            .connector(
                fleetHost -> {
                  MgnSandbox sandbox = sandboxes.get(fleetHost.address());
                  if (sandbox == null) {
                    throw new HostUnreachableException(
                        "UNREACHABLE",
                        "cannot connect to " + fleetHost + ".",
                        "Check the address.");
                  }
                  return sandbox.host();
                })
            .installations(perHost)
            .request(shared)
            .parallel(2)
            .eventListener(events)
            .build()
            .install();

    assertThat(result.outcomes())
        .extracting(HostOutcome::status)
        .containsExactly(
            HostStatus.INSTALLED, HostStatus.INSTALLED, HostStatus.UNREACHABLE, HostStatus.FAILED);
    HostOutcome failed = result.outcomes().get(3);
    assertThat(failed.failure().orElseThrow().step()).contains(InstallStep.INSTALL);
    assertThat(failed.failure().orElseThrow().reason()).isEqualTo("KERNEL_HEADERS_MISSING");
    assertThat(failed.failure().orElseThrow().remedy()).contains("kernel");
    Map<String, String> idsByHostname = new LinkedHashMap<>();
    for (SourceServer server : mgn.sourceServers()) {
      idsByHostname.put(
          server.sourceProperties().identificationHints().hostname(), server.sourceServerID());
    }
    assertThat(idsByHostname).containsOnlyKeys("web-0", "web-1");
    assertThat(result.outcomes().get(0).sourceServerId().orElseThrow().value())
        .isEqualTo(idsByHostname.get("web-0"));
    assertThat(result.outcomes().get(1).sourceServerId().orElseThrow().value())
        .isEqualTo(idsByHostname.get("web-1"));
    SourceServer web0 =
        mgn.sourceServers().stream()
            .filter(s -> s.sourceServerID().equals(idsByHostname.get("web-0")))
            .findFirst()
            .orElseThrow();
    assertThat(web0.tags()).containsEntry("wave", "1").containsEntry("app", "web0");
    // the installer's own output reaches the listener tagged with its host
    assertThat(events.events(FleetHostEvent.class))
        .filteredOn(e -> e.event() instanceof InstallerOutput)
        .extracting(e -> e.host().address())
        .contains("web-0", "web-1", "web-2")
        .doesNotContain("gone-1");
  }
}
