package dev.mgnagent.tests.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Secret;
import dev.mgnagent.host.HostLock;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFailed;
import dev.mgnagent.install.InstallationInProgressException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** One installation at a time per host: the install lock under the host root's run/lock. */
class InstallLockTest {

  @TempDir Path temp;

  private InstallFixture fixture;
  private Process holder;

  @BeforeEach
  void start() {
    fixture =
        new InstallFixture(
            temp, FakeBlockDeviceScenarios.virtioWithSeparateBoot(), InstallerFlavor.BINARY);
  }

  @AfterEach
  void stop() {
    if (holder != null) {
      holder.destroyForcibly();
    }
    fixture.close();
  }

  @Test
  void aSecondInstallationRefusesWithTheHoldersPidAndStartsNothing() throws Exception {
    long holderPid = holdLockInAnotherProcess();

    assertThatThrownBy(() -> installation().install(request()))
        .isInstanceOfSatisfying(
            InstallationInProgressException.class,
            e -> assertThat(e.holderPid()).isEqualTo(OptionalLong.of(holderPid)))
        .hasMessageContaining(
            "another installation is running on this host (process " + holderPid + ")");
    assertThat(fixture.installer.runs()).isEmpty();
    assertThat(fixture.bucket.requests()).isEmpty();
    assertThat(fixture.events.events(InstallStepFailed.class))
        .extracting(InstallStepFailed::step)
        .containsExactly(InstallStep.VERIFY_INSTALLER);
  }

  @Test
  void theLockIsFreeAgainOnceAnInstallationEnded() throws Exception {
    installation().install(request());

    Optional<HostLock> lock = fixture.host.tryLock("install");
    assertThat(lock).isPresent();
    lock.get().close();
    assertThat(fixture.installer.runs()).hasSize(1);
  }

  @Test
  void aLockHeldInThisJvmAlsoRefuses() throws Exception {
    try (HostLock held = fixture.host.tryLock("install").orElseThrow()) {
      assertThatThrownBy(() -> installation().install(request()))
          .isInstanceOf(InstallationInProgressException.class);
    }
  }

  /** A python3 process takes an fcntl lock on the same file, as another mgn-agent JVM would. */
  private long holdLockInAnotherProcess() throws Exception {
    Path file = fixture.host.root().resolve("run/lock/mgn-agent-install.lock");
    Files.createDirectories(file.getParent());
    holder =
        new ProcessBuilder(
                "python3",
                "-c",
                "import fcntl, os, sys\n"
                    + "f = open(sys.argv[1], 'a+')\n"
                    + "fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
                    + "f.truncate(0); f.write('%d\\n' % os.getpid()); f.flush()\n"
                    + "print('locked', flush=True)\n"
                    + "sys.stdin.read()\n",
                file.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("locked");
    return holder.pid();
  }

  private AgentInstallation installation() throws Exception {
    return AgentInstallation.builder()
        .host(fixture.host)
        .workDirectory(Files.createDirectories(temp.resolve("work")))
        .eventListener(fixture.events)
        .runAsRoot(true)
        .build();
  }

  private InstallRequest request() {
    return InstallRequest.builder()
        .region(Region.EU_WEST_3)
        .accessKeyId(fixture.mgn.adminCredentials().accessKeyId())
        .secretAccessKey(Secret.of(fixture.mgn.adminCredentials().secretAccessKey()))
        .endpoint(fixture.mgn.endpoint())
        .s3Endpoint(fixture.bucket.endpoint())
        .sandbox(true)
        .noPrompt(true)
        .build();
  }
}
