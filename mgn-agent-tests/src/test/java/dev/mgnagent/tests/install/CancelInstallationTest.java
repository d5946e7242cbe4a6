package dev.mgnagent.tests.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Secret;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallationCancelledException;
import dev.mgnagent.install.RunningInstallation;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerOutput;
import dev.mgnagent.installer.InstallerStarted;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** RunningInstallation.cancel() during a hanging installer stops its session and cleans up. */
class CancelInstallationTest {

  @TempDir Path temp;
  private InstallFixture fixture;

  @BeforeEach
  void start() {
    // line-buffered: the test waits for a line printed just before the hang, which a
    // block-buffered installer would keep in its buffer
    fixture =
        new InstallFixture(
            temp,
            FakeBlockDeviceScenarios.virtioWithSeparateBoot(),
            InstallerFlavor.BINARY,
            installer -> installer.lineBuffered(true));
    fixture.installer.failWith(FakeInstallerFailure.HANG);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void cancelStopsTheHangingInstallersSessionAndRemovesTheTemporaryDirectory() throws Exception {
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    CompletableFuture<Long> installerPid = new CompletableFuture<>();
    CompletableFuture<Void> hanging = new CompletableFuture<>();
    EventListener listener =
        EventListener.on(InstallerStarted.class, e -> installerPid.complete(e.pid()))
            .andOn(
                InstallerOutput.class,
                e -> {
                  if (e.line()
                      .contains("All volumes for replication were successfully identified")) {
                    hanging.complete(null);
                  }
                });
    RunningInstallation running =
        AgentInstallation.builder()
            .host(
                LocalHost.rootedAt(fixture.host.root())
                    .withEnvironment(
                        Map.of("PATH", System.getenv("PATH"), "TMPDIR", tmp.toString())))
            .eventListener(listener)
            .runAsRoot(true)
            .build()
            .start(
                InstallRequest.builder()
                    .region(Region.EU_WEST_3)
                    .accessKeyId(fixture.mgn.adminCredentials().accessKeyId())
                    .secretAccessKey(Secret.of(fixture.mgn.adminCredentials().secretAccessKey()))
                    .endpoint(fixture.mgn.endpoint())
                    .s3Endpoint(fixture.bucket.endpoint())
                    .sandbox(true)
                    .noPrompt(true)
                    .build());
    long session = installerPid.get(120, TimeUnit.SECONDS);
    hanging.get(120, TimeUnit.SECONDS);
    assertThat(entries(tmp)).as("the installer temporary directory").isPositive();

    running.cancel();

    assertThatThrownBy(running::await).isInstanceOf(InstallationCancelledException.class);
    assertThat(liveSessionMembers(session)).isEmpty();
    assertThat(entries(tmp)).isZero();
  }

  private static long entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  private static java.util.List<Long> liveSessionMembers(long session) throws Exception {
    java.util.List<Long> members = new java.util.ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (!entry.getFileName().toString().matches("[0-9]+")) {
          continue;
        }
        try {
          String stat = Files.readString(entry.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          if (Long.parseLong(f[3]) == session && !f[0].equals("Z")) {
            members.add(Long.parseLong(entry.getFileName().toString()));
          }
        } catch (java.io.IOException gone) {
          // exited while listed
        }
      }
    }
    return members;
  }
}
