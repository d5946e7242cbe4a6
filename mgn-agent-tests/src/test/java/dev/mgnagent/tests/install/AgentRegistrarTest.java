package dev.mgnagent.tests.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Tags;
import dev.mgnagent.Warning;
import dev.mgnagent.installer.AgentRegistrar;
import dev.mgnagent.installer.InstallerFailedException;
import dev.mgnagent.installer.InstallerFailure;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerOutput;
import dev.mgnagent.installer.InstallerPromptAnswered;
import dev.mgnagent.installer.InstallerStarted;
import dev.mgnagent.installer.Registration;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.disk.FakeBlockDevices;
import dev.mgnagent.testkit.installer.FakeInstallerRun;
import dev.mgnagent.testkit.junit.EnabledIfPython3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/** {@link AgentRegistrar} driving the fake installer against the fake MGN, end to end. */
class AgentRegistrarTest {

  private static final long GIB = 1L << 30;

  @TempDir Path temp;

  private InstallFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private InstallFixture fixture(InstallerFlavor flavor) {
    fixture =
        new InstallFixture(
            temp,
            FakeBlockDevices.builder()
                .virtioDisk("vda", 20 * GIB)
                .partition(1, GIB)
                .partition(2, 18 * GIB)
                .done()
                .virtioDisk("vdb", 50 * GIB)
                .done()
                .virtioDisk("vdc", 30 * GIB)
                .done()
                .mount("/", "vda2", "ext4")
                .mount("/boot", "vda1", "ext4"),
            flavor);
    return fixture;
  }

  private Registration install(Selection selection, Map<String, String> tags) {
    return fixture
        .registrar()
        .build()
        .register(
            fixture.verified(InstallerFlavor.BINARY),
            fixture.request(fixture.mgn.adminCredentials(), selection).tags(Tags.of(tags)).build());
  }

  @Test
  void plainInstallRegistersEveryDiskAndConfirmsThem() {
    fixture(InstallerFlavor.BINARY);

    Registration registration = install(fixture.select(SelectionRequest.allDisks()), Map.of());

    assertThat(registration.registeredDisks()).containsExactly("/dev/vda", "/dev/vdb", "/dev/vdc");
    assertThat(registration.warnings()).isEmpty();
    assertThat(fixture.mgn.sourceServer(registration.sourceServerId().value())).isPresent();
    assertThat(fixture.installer.isInstalled()).isTrue();
    assertThat(fixture.events.events(InstallerOutput.class))
        .extracting(InstallerOutput::line)
        .contains("The AWS Replication Agent was successfully installed.");
  }

  @Test
  void processesASuccessfulInstallerLeftInItsSessionAreReportedAndLeftRunning() throws Exception {
    fixture(InstallerFlavor.BINARY);
    Path pidFile = temp.resolve("daemon.pid");
    // an installer whose init script starts the agent daemon without detaching it from the session
    Path script = temp.resolve("daemonizing-installer");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "/bin/sleep 300 </dev/null >/dev/null 2>&1 &\n"
            // a started daemon: its fork has become /bin/sleep before the installer ends
            + "while [ \"$(readlink /proc/$!/exe)\" != \"$(readlink -f /bin/sleep)\" ]; do :; done\n"
            + "echo $! > '"
            + pidFile
            + "'\n"
            + "echo 'The AWS Replication Agent was successfully installed.'\n"
            + "echo 'The new source server ID: s-0123456789abcdef0'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    VerificationResult.Verified installer =
        new VerificationResult.Verified(
            script, 1, "0".repeat(128), script.toUri(), InstallerFlavor.BINARY);
    long daemon = -1;
    try {
      Registration registration =
          AgentRegistrar.builder()
              .runAsRoot(true)
              .timeout(java.time.Duration.ofSeconds(60))
              .build()
              .register(
                  installer,
                  fixture
                      .request(
                          fixture.mgn.adminCredentials(),
                          fixture.select(SelectionRequest.allDisks()))
                      .build());
      daemon = Long.parseLong(Files.readString(pidFile).strip());
      long pid = daemon;

      assertThat(ProcessHandle.of(daemon).map(ProcessHandle::isAlive))
          .as("the daemon after the installation")
          .hasValue(true);
      assertThat(registration.warnings())
          .filteredOn(w -> w.code() == Warning.Code.INSTALLER_PROCESSES_LEFT)
          .singleElement()
          .satisfies(
              w ->
                  assertThat(w.message())
                      .contains("PID " + pid + " /bin/sleep 300")
                      .contains("not stopped"));
    } finally {
      if (daemon > 0) {
        ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Test
  void aServerTheInstallerReportsButMgnNeverListsFailsTheRegistrationNamingIt() throws Exception {
    fixture(InstallerFlavor.BINARY);
    // a stand-in that claims success: nothing registered the server in MGN
    Path script = temp.resolve("stand-in-installer");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "echo 'The AWS Replication Agent was successfully installed.'\n"
            + "echo 'The new source server ID: s-0123456789abcdef0'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    VerificationResult.Verified installer =
        new VerificationResult.Verified(
            script, 1, "0".repeat(128), script.toUri(), InstallerFlavor.BINARY);

    assertThatThrownBy(
            () ->
                fixture
                    .registrar()
                    .confirmationPolling(java.time.Duration.ofMillis(10), 3)
                    .build()
                    .register(
                        installer,
                        fixture
                            .request(
                                fixture.mgn.adminCredentials(),
                                fixture.select(SelectionRequest.allDisks()))
                            .build()))
        .isInstanceOf(dev.mgnagent.MgnAgentException.class)
        .hasMessageContaining("s-0123456789abcdef0")
        .hasMessageContaining("never listed it after 3 checks")
        .hasMessageContaining("account and region");
  }

  @Test
  void throughSudoTheProxyVariablesAndTmpdirAreKeptByNameNeverByValue() {
    fixture(InstallerFlavor.BINARY);
    dev.mgnagent.host.LocalHost host =
        dev.mgnagent.host.LocalHost.create()
            .withEnvironment(
                Map.of(
                    "PATH",
                    "/usr/bin:/bin",
                    "https_proxy",
                    "http://user:pw@proxy.example:3128",
                    "no_proxy",
                    "169.254.169.254",
                    "TMPDIR",
                    "/var/tmp",
                    "AWS_SECRET_ACCESS_KEY",
                    "x"));

    java.util.List<String> viaSudo =
        AgentRegistrar.builder()
            .host(host)
            .runAsRoot(false)
            .build()
            .commandLine(
                temp.resolve("aws-replication-installer-init"),
                InstallerFlavor.BINARY,
                fixture
                    .request(
                        fixture.mgn.adminCredentials(), fixture.select(SelectionRequest.allDisks()))
                    .build());
    java.util.List<String> asRoot =
        AgentRegistrar.builder()
            .host(host)
            .runAsRoot(true)
            .build()
            .commandLine(
                temp.resolve("aws-replication-installer-init"),
                InstallerFlavor.BINARY,
                fixture
                    .request(
                        fixture.mgn.adminCredentials(), fixture.select(SelectionRequest.allDisks()))
                    .build());

    assertThat(viaSudo.subList(0, 4))
        .containsExactly("sudo", "-n", "--preserve-env=https_proxy,no_proxy,TMPDIR", "--");
    assertThat(String.join(" ", viaSudo)).doesNotContain("proxy.example").doesNotContain("AWS_");
    assertThat(asRoot.get(0)).isEqualTo(temp.resolve("aws-replication-installer-init").toString());
  }

  @Test
  void dataDiskSelectionRegistersExactlyThoseDisksAndTheRoot() {
    fixture(InstallerFlavor.BINARY);

    Registration registration =
        install(fixture.select(SelectionRequest.devices("/dev/vdc")), Map.of());

    assertThat(registration.registeredDisks()).containsExactlyInAnyOrder("/dev/vda", "/dev/vdc");
    assertThat(fixture.events.events(InstallerPromptAnswered.class))
        .extracting(InstallerPromptAnswered::answer)
        .contains("/dev/vda,/dev/vdc");
  }

  @Test
  void secretAndTokenNeverReachTheCommandLineAndTheInstallerHasNoTerminal() {
    fixture(InstallerFlavor.BINARY);
    AwsSessionCredentials session =
        AwsSessionCredentials.create(
            "ASIAQWERTYUIOPASDFGH", "s".repeat(40), "token-" + "t".repeat(60));
    fixture.mgn.addCredentials(session, Set.of("*"));

    Registration registration =
        fixture
            .registrar()
            .build()
            .register(
                fixture.verified(InstallerFlavor.BINARY),
                fixture.request(session, fixture.select(SelectionRequest.allDisks())).build());

    FakeInstallerRun run = fixture.installer.runs().get(0);
    assertThat(String.join(" ", run.argv()))
        .doesNotContain("s".repeat(40))
        .doesNotContain("t".repeat(60))
        .doesNotContain("--aws-secret-access-key") // the run log masks values: no flag at all
        .doesNotContain("--aws-session-token")
        .contains("--aws-access-key-id ASIAQWERTYUIOPASDFGH");
    assertThat(run.sessionId()).isEqualTo(run.pid());
    assertThat(run.hadTerminal()).isFalse();
    assertThat(run.environmentNames()).noneMatch(n -> n.startsWith("AWS_"));
    assertThat(fixture.events.events(InstallerPromptAnswered.class))
        .extracting(InstallerPromptAnswered::prompt)
        .containsExactly(
            "AWS Secret Access Key:", "AWS Session Token:", "To replicate all disks, press Enter:");
    assertThat(registration.sourceServerId().value()).startsWith("s-");
    InstallerStarted started = fixture.events.events(InstallerStarted.class).get(0);
    assertThat(fixture.events.events().get(0)).isSameAs(started);
    assertThat(started.pid()).isEqualTo(run.pid());
  }

  @Test
  void tagsAndUserProvidedIdReachTheNewServer() {
    fixture(InstallerFlavor.BINARY);

    Registration registration =
        fixture
            .registrar()
            .build()
            .register(
                fixture.verified(InstallerFlavor.BINARY),
                fixture
                    .request(
                        fixture.mgn.adminCredentials(), fixture.select(SelectionRequest.allDisks()))
                    .tags(Tags.builder().add("app", "billing").add("env", "prod").build())
                    .userProvidedId("cmdb-4711")
                    .build());

    SourceServer server =
        fixture.mgn.sourceServer(registration.sourceServerId().value()).orElseThrow();
    assertThat(server.tags()).containsEntry("app", "billing").containsEntry("env", "prod");
    assertThat(server.userProvidedID()).isEqualTo("cmdb-4711");
  }

  @Test
  void reinstallKeepsTheSourceServerAndTagsOnAReinstallFailAsDocumented() {
    fixture(InstallerFlavor.BINARY);
    Selection all = fixture.select(SelectionRequest.allDisks());

    Registration first = install(all, Map.of());
    Registration second = install(all, Map.of());

    assertThat(second.sourceServerId()).isEqualTo(first.sourceServerId());
    assertThatThrownBy(() -> install(all, Map.of("app", "x")))
        .isInstanceOfSatisfying(
            InstallerFailedException.class,
            e -> assertThat(e.failure()).isEqualTo(InstallerFailure.TAGS_ALREADY_EXIST));
  }

  @Test
  void noReplicationIsPassedToTheInstaller() {
    fixture(InstallerFlavor.BINARY);

    fixture
        .registrar()
        .build()
        .register(
            fixture.verified(InstallerFlavor.BINARY),
            fixture
                .request(
                    fixture.mgn.adminCredentials(), fixture.select(SelectionRequest.allDisks()))
                .noReplication(true)
                .build());

    assertThat(fixture.installer.runs().get(0).argv()).contains("--no-replication");
  }

  @Test
  void forceVolumesWithTheOptInPassesTheSecretOnlyOnTheCommandLineAndMasksItInEvents() {
    fixture(InstallerFlavor.BINARY);
    String secret = fixture.mgn.adminCredentials().secretAccessKey();

    Registration registration =
        fixture
            .registrar()
            .build()
            .register(
                fixture.verified(InstallerFlavor.BINARY),
                fixture
                    .request(
                        fixture.mgn.adminCredentials(),
                        fixture.select(SelectionRequest.forced("/dev/vda,/dev/vdb")))
                    .allowSecretOnCommandLine(true)
                    .build());

    assertThat(registration.registeredDisks()).containsExactly("/dev/vda", "/dev/vdb");
    // the fake registered with the secret on its argv; its run log (a file) masks the value
    assertThat(fixture.installer.runs().get(0).argv())
        .contains("--force-volumes", "--no-prompt")
        .containsSubsequence("--aws-secret-access-key", "****")
        .doesNotContain(secret);
    InstallerStarted started = fixture.events.events(InstallerStarted.class).get(0);
    assertThat(started.commandLine()).doesNotContain(secret).contains("****");
  }

  @Test
  void installationPolicyKeysInstallButCannotConfirm() {
    fixture(InstallerFlavor.BINARY);
    try (MgnClient installerClient =
        fixture.mgn.newClient(
            StaticCredentialsProvider.create(fixture.mgn.installerCredentials()))) {
      Registration registration =
          fixture
              .registrar()
              .confirmWith(installerClient)
              .build()
              .register(
                  fixture.verified(InstallerFlavor.BINARY),
                  fixture
                      .request(
                          fixture.mgn.installerCredentials(),
                          fixture.select(SelectionRequest.allDisks()))
                      .build());

      assertThat(registration.sourceServerId().value()).startsWith("s-");
      assertThat(registration.warnings())
          .singleElement()
          .satisfies(
              w ->
                  assertThat(w.message())
                      .contains("not confirmed")
                      .contains("installation-policy keys"));
    }
  }

  @Test
  @EnabledIfPython3
  void pythonFlavorRunsThroughPython3() {
    fixture(InstallerFlavor.PYTHON);

    Registration registration =
        fixture
            .registrar()
            .build()
            .register(
                fixture.verified(InstallerFlavor.PYTHON),
                fixture
                    .request(
                        fixture.mgn.adminCredentials(), fixture.select(SelectionRequest.allDisks()))
                    .build());

    assertThat(registration.registeredDisks()).hasSize(3);
    assertThat(fixture.installer.runs().get(0).flavor()).isEqualTo("python");
    assertThat(fixture.events.events(InstallerStarted.class))
        .singleElement()
        .satisfies(started -> assertThat(started.commandLine().get(0)).isEqualTo("python3"));
  }

  @Test
  void nitroAliasesAreRegisteredAsTheSelectionNamesThem() {
    fixture =
        new InstallFixture(temp, FakeBlockDeviceScenarios.nitroNvme(), InstallerFlavor.BINARY);

    Registration registration =
        install(fixture.select(SelectionRequest.devices("/dev/sdf")), Map.of());

    assertThat(registration.registeredDisks()).containsExactly("/dev/nvme0n1", "/dev/nvme1n1");
    assertThat(registration.warnings()).isEmpty();
  }
}
