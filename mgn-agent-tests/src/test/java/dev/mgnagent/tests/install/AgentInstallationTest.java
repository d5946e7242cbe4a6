package dev.mgnagent.tests.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Secret;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFailed;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerMismatchException;
import dev.mgnagent.mgn.WatchOutcome;
import dev.mgnagent.mgn.WatchSettings;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** {@link AgentInstallation}: the steps in order against the testkit's fakes. */
class AgentInstallationTest {

  @TempDir Path temp;

  private InstallFixture fixture;

  @BeforeEach
  void start() {
    fixture =
        new InstallFixture(
            temp, FakeBlockDeviceScenarios.lvmRootSpanningTwoDisks(), InstallerFlavor.BINARY);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private AgentInstallation installation() throws Exception {
    return AgentInstallation.builder()
        .host(fixture.host)
        .workDirectory(Files.createDirectories(temp.resolve("work")))
        .eventListener(fixture.events)
        .runAsRoot(true)
        .watchSettings(
            WatchSettings.builder()
                .interval(Duration.ofMillis(200))
                .timeout(Duration.ofMinutes(1))
                .build())
        .build();
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

  @Test
  void aFailedDownloadLeavesAnInstallerTheCallerHadInTheWorkDirectory() throws Exception {
    Path own =
        Files.createDirectories(temp.resolve("work"))
            .resolve(dev.mgnagent.installer.InstallerFlavor.BINARY.fileName());
    Files.writeString(own, "the caller's own copy");
    fixture.bucket.serveWrongDigest();

    assertThatThrownBy(() -> installation().install(request().build()))
        .isInstanceOf(dev.mgnagent.installer.InstallerMismatchException.class);

    assertThat(own).hasContent("the caller's own copy");
  }

  @Test
  void everyStepRunsInOrderAndTheSyncIsFollowedToContinuous() throws Exception {
    InstallationResult result = installation().install(request().watch(true).build());

    assertThat(result.registeredDisks()).containsExactly("/dev/sda", "/dev/sdb");
    assertThat(result.initialSync())
        .hasValueSatisfying(w -> assertThat(w.outcome()).isEqualTo(WatchOutcome.SETTLED));
    assertThat(fixture.events.events(InstallStepFinished.class))
        .extracting(InstallStepFinished::step)
        .containsExactly(
            InstallStep.VALIDATE,
            InstallStep.CREDENTIALS,
            InstallStep.PREFLIGHT,
            InstallStep.SERVICE,
            InstallStep.VERIFY_INSTALLER,
            InstallStep.SELECT_DISKS,
            InstallStep.INSTALL,
            InstallStep.WATCH);
  }

  @Test
  void aListenerThatThrowsOnEveryEventDoesNotBreakTheInstallation() throws Exception {
    AtomicInteger thrown = new AtomicInteger();
    AgentInstallation installation =
        AgentInstallation.builder()
            .host(fixture.host)
            .workDirectory(Files.createDirectories(temp.resolve("work")))
            .eventListener(
                fixture.events.andThen(
                    event -> {
                      thrown.incrementAndGet();
                      throw new IllegalStateException("a listener bug");
                    }))
            .runAsRoot(true)
            .build();

    InstallationResult result = installation.install(request().build());

    assertThat(result.registeredDisks()).containsExactly("/dev/sda", "/dev/sdb");
    assertThat(thrown.get()).isEqualTo(fixture.events.events().size()).isGreaterThan(10);
    assertThat(fixture.events.events(InstallStepFinished.class))
        .extracting(InstallStepFinished::step)
        .contains(InstallStep.INSTALL);
  }

  @Test
  void aTamperedInstallerStopsBeforeAnyProcessStarts() throws Exception {
    fixture.bucket.serveWrongDigest();

    assertThatThrownBy(() -> installation().install(request().build()))
        .isInstanceOfSatisfying(
            InstallerMismatchException.class,
            e -> {
              assertThat(e.expectedSha512()).hasSize(128).isNotEqualTo(e.actualSha512());
              assertThat(e.actualSha512()).hasSize(128);
              assertThat(e.url().toString()).startsWith(fixture.bucket.endpoint().toString());
            })
        .hasMessageContaining("does not match its published SHA-512");
    assertThat(fixture.installer.runs()).isEmpty();
    assertThat(fixture.events.events(InstallStepFailed.class))
        .extracting(InstallStepFailed::step)
        .containsExactly(InstallStep.VERIFY_INSTALLER);
  }

  @Test
  void anInvalidDeviceStopsInValidationBeforeAnythingIsContacted() throws Exception {
    fixture.mgn.clearRequests();

    assertThatThrownBy(() -> installation().install(request().devices("/dev/sdz").build()))
        .hasMessageContaining("'/dev/sdz' is not a block device of this server");
    assertThat(fixture.mgn.requests()).isEmpty();
    assertThat(fixture.bucket.requests()).isEmpty();
  }

  @Test
  void anUninitializedAccountStopsWithTheRemedyUnlessAskedToInitialize() throws Exception {
    try (var fresh =
        dev.mgnagent.testkit.mgn.FakeMgn.builder().region("eu-west-3").build().start()) {
      InstallRequest.Builder request =
          request()
              .endpoint(fresh.endpoint())
              .accessKeyId(fresh.adminCredentials().accessKeyId())
              .secretAccessKey(Secret.of(fresh.adminCredentials().secretAccessKey()));

      assertThatThrownBy(() -> installation().install(request.build()))
          .hasMessageContaining("initialize it with initializeService");
      assertThat(fresh.isInitialized()).isFalse();
    }
  }
}
