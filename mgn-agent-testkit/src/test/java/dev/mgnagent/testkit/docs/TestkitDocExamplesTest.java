package dev.mgnagent.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Backoff;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.installer.DownloadRetrying;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.event.RecordingEventListener;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.junit.EnabledIfPython3;
import dev.mgnagent.testkit.junit.StartStop;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * The code of {@code docs/testkit.md}, run: each snippet there is a region of this file between
 * {@code // snippet:NAME} and {@code // end-snippet}; {@code DocsInSyncTest} (examples) checks that
 * the doc shows them verbatim.
 */
class TestkitDocExamplesTest {

  private static final Path DOC = Path.of("..", "docs", "testkit.md");
  private static final Path SOURCE =
      Path.of(
          "src",
          "test",
          "java",
          "dev",
          "mgnagent",
          "testkit",
          "docs",
          "TestkitDocExamplesTest.java");

  @Nested
  class FakeMgnExample {
    // snippet:testkit-fake-mgn
    @StartStop FakeMgn mgn = FakeMgn.builder().initialized(true).build();

    @Test
    void listsTheServerAnAgentRegistered() {
      String id = mgn.addSourceServer(s -> s.hostname("web-1").disk("/dev/vda", 20L << 30));

      try (MgnClient client = mgn.newClient()) {
        assertThat(client.describeSourceServers(r -> {}).items())
            .extracting(SourceServer::sourceServerID)
            .containsExactly(id);
      }
    }
    // end-snippet
  }

  @Nested
  class SandboxExample {
    // snippet:testkit-sandbox
    @StartStop
    MgnSandbox sandbox =
        MgnSandbox.builder().region("eu-west-3").host(FakeBlockDeviceScenarios.nitroNvme()).build();

    @Test
    void installsTheAgentAgainstTheFakes() {
      RecordingEventListener events = new RecordingEventListener();

      InstallationResult result =
          AgentInstallation.builder()
              .host(sandbox.host())
              .workDirectory(sandbox.downloadDirectory())
              .eventListener(events)
              .runAsRoot(true) // the fake installer needs no sudo
              .build()
              .install(sandbox.installRequest().initializeService(true).build());

      assertThat(result.registeredDisks()).containsExactly("/dev/nvme0n1", "/dev/nvme1n1");
      assertThat(events.events(InstallStepFinished.class))
          .extracting(InstallStepFinished::step)
          .contains(InstallStep.VERIFY_INSTALLER, InstallStep.INSTALL);
      assertThat(sandbox.mgn().sourceServers()).hasSize(1);
    }
    // end-snippet
  }

  @Nested
  class BucketExample {
    // snippet:testkit-bucket
    @TempDir Path dir;

    @StartStop
    FakeInstallerBucket bucket = FakeInstallerBucket.builder().region("eu-west-3").build();

    @Test
    void aCutDownloadResumesWhereItStopped() {
      bucket.cutNextBodyAt(100_000);
      RecordingEventListener events = new RecordingEventListener();

      VerificationResult result =
          InstallerVerifier.builder()
              .location(
                  InstallerLocation.viaEndpoint(
                      Region.EU_WEST_3, bucket.endpoint(), InstallerFlavor.BINARY))
              .backoff(Backoff.NONE)
              .eventListener(events)
              .build()
              .download(dir.resolve("aws-replication-installer-init"));

      assertThat(result).isInstanceOf(VerificationResult.Verified.class);
      assertThat(events.events(DownloadRetrying.class))
          .singleElement()
          .satisfies(retry -> assertThat(retry.resumeFromByte()).isEqualTo(100_000));
    }
    // end-snippet
  }

  @Nested
  class ConditionExample {
    // snippet:testkit-condition
    @Test
    @EnabledIfPython3
    void runsOnlyWherePython3IsInstalled() throws Exception {
      Process python = new ProcessBuilder("python3", "--version").start();

      assertThat(python.waitFor()).isZero();
    }
    // end-snippet
  }
}
