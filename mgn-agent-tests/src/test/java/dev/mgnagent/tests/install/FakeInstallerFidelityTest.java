package dev.mgnagent.tests.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Secret;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerOutput;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.installer.PromptMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * The whole {@link AgentInstallation} against each flavor and prompt mode of the fake installer, on
 * an AWS Nitro host whose disks have alias names ({@code /dev/xvda -> nvme0n1}), and the fake's own
 * disk identification disagreeing with mgn-agent's selection.
 */
class FakeInstallerFidelityTest {

  @TempDir Path temp;

  private InstallFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private InstallFixture fixture(InstallerFlavor flavor, UnaryOperator<FakeInstaller.Builder> c) {
    fixture = new InstallFixture(temp, FakeBlockDeviceScenarios.nitroNvme(), flavor, c);
    return fixture;
  }

  private InstallationResult install(InstallerFlavor flavor, InstallRequest.Builder request)
      throws Exception {
    return AgentInstallation.builder()
        .host(fixture.host)
        .workDirectory(Files.createDirectories(temp.resolve("work")))
        .eventListener(fixture.events)
        .runAsRoot(true)
        .build()
        .install(request.flavor(flavor).build());
  }

  private InstallRequest.Builder request() {
    return InstallRequest.builder()
        .region(Region.EU_WEST_3)
        .accessKeyId(fixture.mgn.adminCredentials().accessKeyId())
        .secretAccessKey(Secret.of(fixture.mgn.adminCredentials().secretAccessKey()))
        .endpoint(fixture.mgn.endpoint())
        .s3Endpoint(fixture.bucket.endpoint())
        .sandbox(true)
        .noPrompt(true);
  }

  private boolean secretPromptOnStderr() {
    return fixture.events.events(InstallerOutput.class).stream()
        .filter(o -> o.line().startsWith("AWS Secret Access Key:"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no secret prompt was answered"))
        .stderr();
  }

  @ParameterizedTest(name = "{0} {1} lineBuffered={2}")
  @CsvSource({
    "PYTHON, GETPASS, false, true",
    "BINARY, GETPASS, false, true",
    "BINARY, MASKED_ON_STDOUT, false, false",
    "BINARY, GETPASS, true, true"
  })
  void everyFlavorAndPromptModeInstallsAndReportsTheHostsOwnFacts(
      InstallerFlavor flavor, PromptMode mode, boolean lineBuffered, boolean promptOnStderr)
      throws Exception {
    fixture(
        flavor,
        b ->
            b.promptMode(mode)
                .lineBuffered(lineBuffered)
                .hostname("web-7")
                .macAddress("0a:40:f1:e8:b2:2d"));

    InstallationResult result = install(flavor, request().devices("/dev/xvda"));

    assertThat(result.registeredDisks()).containsExactly("/dev/nvme0n1");
    assertThat(result.warnings())
        .noneMatch(w -> w.message().contains("check them before replicating"));
    assertThat(secretPromptOnStderr()).isEqualTo(promptOnStderr);
    SourceServer server = fixture.mgn.sourceServer(result.sourceServerId().value()).orElseThrow();
    assertThat(server.sourceProperties().networkInterfaces())
        .extracting(n -> n.macAddress())
        .containsExactly("0A-40-F1-E8-B2-2D");
    assertThat(server.sourceProperties().identificationHints().fqdn())
        .isEqualTo("web-7.example.internal");
    assertThat(server.sourceProperties().os().fullString()).startsWith("Linux version ");
    assertThat(server.sourceProperties().cpus().get(0).cores()).isEqualTo(2L);
  }

  @Test
  void everyHostDiskIsReportedAndAnUnselectedOneIsNoWarning() throws Exception {
    fixture(InstallerFlavor.BINARY, b -> b);

    InstallationResult result = install(InstallerFlavor.BINARY, request().devices("/dev/xvda"));

    assertThat(result.warnings())
        .noneMatch(w -> w.message().contains("check them before replicating"));
    assertThat(fixture.events.events(InstallerOutput.class))
        .extracting(InstallerOutput::line)
        .anyMatch(
            l ->
                l.startsWith("Choose the disks you want to replicate. Your disks are: ")
                    && l.contains("/dev/xvda,/dev/nvme0n1")
                    && l.contains("/dev/nvme1n1"));
    SourceServer server = fixture.mgn.sourceServer(result.sourceServerId().value()).orElseThrow();
    assertThat(server.dataReplicationInfo().replicatedDisks())
        .extracting(d -> d.deviceName())
        .containsExactly("/dev/nvme0n1");
  }

  @Test
  void theFakesIdentificationDisagreesAndCoreReportsTheDisks() throws Exception {
    // an installer whose rules add the data disk to a root-only selection
    fixture(InstallerFlavor.BINARY, b -> b.alsoReplicate("nvme1n1"));

    InstallationResult result = install(InstallerFlavor.BINARY, request().devices("/dev/xvda"));

    assertThat(result.selection().paths()).hasSize(1);
    assertThat(result.warnings())
        .anyMatch(
            w ->
                w.message().contains("replicated but not selected:" + " [/dev/nvme1n1]")
                    && w.message().contains("check them before replicating"));
  }

  @Test
  void disksReportedByAliasNamesMatchTheSelection() throws Exception {
    fixture(InstallerFlavor.BINARY, b -> b.reportAliasNames(true));

    InstallationResult result = install(InstallerFlavor.BINARY, request());

    assertThat(result.selection().paths()).containsExactly("/dev/nvme0n1", "/dev/nvme1n1");
    assertThat(result.registeredDisks()).containsExactly("/dev/xvda", "/dev/sdf");
    assertThat(result.warnings())
        .noneMatch(w -> w.message().contains("check them before replicating"));
  }
}
