package dev.mgnagent.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example's {@code main} against a fake machine from the testkit. */
class ExamplesTest {

  @TempDir Path temp;

  private static String run(Runnable main) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listDisksShowsTheRootDiskAndItsPartitions() {
    String root = FakeBlockDeviceScenarios.lvmRootSpanningTwoDisks().writeTo(temp).toString();

    String out = run(() -> ListDisks.main(new String[] {root}));

    assertThat(out)
        .isEqualTo(
            "/dev/sda 20 GiB root boot\n"
                + "  /dev/sda1 [/boot]\n"
                + "  /dev/sda2 []\n"
                + "/dev/sdb 10 GiB root\n"
                + "  /dev/sdb1 []\n");
  }

  @Test
  void previewSelectionWidensAliasesToDisks() {
    String root = FakeBlockDeviceScenarios.nitroNvme().writeTo(temp).toString();

    String out = run(() -> PreviewSelection.main(new String[] {"/dev/sdf", root}));

    assertThat(out)
        .isEqualTo(
            "/dev/nvme0n1 [ROOT]\n"
                + "/dev/nvme1n1 [VIA_ALIAS]\n"
                + "--devices /dev/nvme0n1,/dev/nvme1n1\n");
  }

  @Test
  void previewSelectionReportsRefusals() {
    String root = FakeBlockDeviceScenarios.noise().writeTo(temp).toString();

    String out = run(() -> PreviewSelection.main(new String[] {"/dev/sr0", root}));

    assertThat(out).startsWith("refused: ['/dev/sr0' is not a disk MGN can replicate");
  }

  @Test
  void initializeAndStatusInitializesTheFakeAndListsItsServer() {
    String out = run(() -> InitializeAndStatus.main(new String[0]));

    assertThat(out.lines().findFirst().orElseThrow())
        .isEqualTo("MGN is initialized in eu-west-3: created 19 part(s)");
    assertThat(out).contains("app-1 ").contains(" 2147483648/8589934592 bytes");
  }

  @Test
  void watchInitialSyncFollowsTheSyncToContinuous() {
    String out =
        run(
            () -> {
              try {
                WatchInitialSync.main(new String[0]);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(out.lines().findFirst().orElseThrow()).isEqualTo("app-1 INITIATING WAIT 0%");
    assertThat(out).contains("app-1 INITIAL_SYNC - ").contains("app-1 CONTINUOUS - 100%");
    assertThat(out.lines().reduce((a, b) -> b).orElseThrow()).startsWith("SETTLED after ");
  }

  @Test
  void installAgentInstallsThroughEveryStep() {
    String out =
        run(
            () -> {
              try {
                InstallAgent.main(new String[] {temp.toString()});
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(out)
        .contains("VALIDATE: the request is valid; 2 disk(s) to replicate")
        .contains("SELECT_DISKS: Disk to replicate identified: /dev/nvme0n1 of size 8 GiB")
        .containsPattern(
            "source server s-[0-9a-zA-Z]{17} replicates \\[/dev/nvme0n1, /dev/nvme1n1\\]");
  }
}
