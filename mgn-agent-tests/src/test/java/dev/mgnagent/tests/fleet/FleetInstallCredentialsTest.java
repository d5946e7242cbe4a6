package dev.mgnagent.tests.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Backoff;
import dev.mgnagent.Secret;
import dev.mgnagent.credentials.AssumeRoleMinter;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetHostFinished;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostInstallationFactory;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.installer.DownloadSettings;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.testkit.aws.AssumeRoleCall;
import dev.mgnagent.testkit.aws.FakeSts;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.RecordedRequest;
import dev.mgnagent.testkit.mgn.SteppedClock;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A fleet whose installers get short-lived keys from STS {@code AssumeRole} instead of the
 * operator's: hosts that start while a set is fresh share it; a host that starts once the set
 * expires within the installer timeout plus 5 minutes gets a new one (a stepped clock moves between
 * hosts).
 */
class FleetInstallCredentialsTest {

  private static final String ROLE = "arn:aws:iam::111122223333:role/mgn-install";
  private static final Duration INSTALLER_TIMEOUT = Duration.ofMinutes(2);

  @TempDir Path temp;
  private FakeMgn mgn;
  private FakeSts sts;
  private final Map<String, MgnSandbox> sandboxes = new LinkedHashMap<>();

  @AfterEach
  void stop() {
    sandboxes.values().forEach(MgnSandbox::close);
    if (mgn != null) {
      mgn.close();
    }
    if (sts != null) {
      sts.close();
    }
  }

  @Test
  void aHostStartingAfterTheFirstSetNearsExpiryGetsANewSetTheFirstHostsShareOne() {
    mgn =
        FakeMgn.builder().region("eu-west-3").initialized(true).sandboxSimulation().build().start();
    // STS trusts the operator's keys; the keys it issues are installation-only keys for MGN
    sts = FakeSts.builder().region("eu-west-3").build().start().addRole(ROLE);
    sts.addCredentials(mgn.adminCredentials());
    List<String> issuedSecrets = new CopyOnWriteArrayList<>();
    sts.onCredentialsIssued(
        issued -> {
          issuedSecrets.add(issued.secretAccessKey());
          issuedSecrets.add(issued.sessionToken());
          mgn.addCredentials(issued, FakeMgn.INSTALLATION_POLICY_ACTIONS);
        });
    List<String> names = List.of("web-0", "web-1", "web-2");
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
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
    MgnSandbox first = sandboxes.get("web-0");
    InstallRequest operator =
        InstallRequest.builder()
            .region(first.region())
            .accessKeyId(mgn.adminCredentials().accessKeyId())
            .secretAccessKey(Secret.of(mgn.adminCredentials().secretAccessKey()))
            .endpoint(mgn.endpoint())
            .s3Endpoint(first.s3Endpoint())
            .sandbox(true)
            .noPrompt(true)
            .build();
    HostInstallationFactory perHost =
        (fleetHost, host, listener) ->
            AgentInstallation.builder()
                .host(host)
                .eventListener(listener)
                .runAsRoot(true)
                .registrarSettings(
                    RegistrarSettings.builder()
                        .installerTimeout(INSTALLER_TIMEOUT)
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
    // the minter's clock starts with the fake STS's: a set of 15 minutes leaves 8 minutes to spare
    // beyond the 2-minute installer timeout plus 5 minutes; 9 minutes later it does not
    SteppedClock clock = new SteppedClock(Instant.now());
    List<String> eventTexts = new CopyOnWriteArrayList<>();
    FleetResult result;
    try (AssumeRoleMinter minter =
        AssumeRoleMinter.builder()
            .roleArn(ROLE)
            .duration(Duration.ofSeconds(900))
            .installerTimeout(INSTALLER_TIMEOUT)
            .region(first.region())
            .stsEndpoint(sts.endpoint())
            .credentials(StaticCredentialsProvider.create(mgn.adminCredentials()))
            .clock(clock)
            .build()) {
      result =
          FleetInstallation.builder()
              .hosts(names.stream().map(FleetHost::of).toList())
              .connector(fleetHost -> sandboxes.get(fleetHost.address()).host())
              .installations(perHost)
              .request(operator)
              .parallel(1) // one after the other: the clock steps between the second and third
              .eventListener(
                  event -> {
                    eventTexts.add(String.valueOf(event));
                    if (event instanceof FleetHostFinished finished
                        && finished.outcome().host().address().equals("web-1")) {
                      clock.advance(Duration.ofMinutes(9));
                    }
                  })
              .installCredentials(minter::current)
              .build()
              .install();
    }

    assertThat(result.outcomes())
        .extracting(HostOutcome::status)
        .containsOnly(HostStatus.INSTALLED);
    List<AssumeRoleCall> calls = sts.assumeRoleCalls();
    assertThat(calls).hasSize(2);
    String firstSet = calls.get(0).issuedAccessKeyId().orElseThrow();
    String secondSet = calls.get(1).issuedAccessKeyId().orElseThrow();
    // the keys each host's installer registered with
    Map<String, String> keyByHost = new LinkedHashMap<>();
    for (RecordedRequest r : mgn.requests()) {
      if ("RegisterAgentForMgn".equals(r.operation()) && r.status() == 200) {
        for (String name : names) {
          if (r.body().contains("\"" + name + "\"")) {
            keyByHost.put(name, r.accessKeyId());
          }
        }
      }
    }
    assertThat(keyByHost)
        .containsEntry("web-0", firstSet)
        .containsEntry("web-1", firstSet)
        .containsEntry("web-2", secondSet);
    assertThat(secondSet).isNotEqualTo(firstSet);
    // no minted secret or token shows in an event or the result
    assertThat(issuedSecrets).hasSize(4);
    for (String secret : issuedSecrets) {
      assertThat(String.join("\n", eventTexts) + result).doesNotContain(secret);
    }
    // the operator's keys were never typed into an installer
    assertThat(mgn.requests())
        .filteredOn(r -> "RegisterAgentForMgn".equals(r.operation()))
        .extracting(RecordedRequest::accessKeyId)
        .doesNotContain(mgn.adminCredentials().accessKeyId());
  }
}
