package dev.mgnagent.disk.internal;

import static dev.mgnagent.BadStrings.BUDGET;
import static dev.mgnagent.BadStrings.EXAMPLES;
import static dev.mgnagent.BadStrings.SEED;
import static dev.mgnagent.BadStrings.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parser of the one-command remote read, on fixtures of what the script prints. */
class SysfsDumpTest {

  /** {@code text} as {@code od -An -v -tx1} prints it: 16 bytes a line, each " xx". */
  static String od(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bytes.length; i++) {
      out.append(String.format(" %02x", bytes[i] & 0xff));
      if (i % 16 == 15 || i == bytes.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static final String MOUNTINFO =
      "22 1 259:2 / / rw,relatime - xfs /dev/nvme0n1p2 rw\n"
          + "23 22 259:1 / /boot rw,relatime - xfs /dev/nvme0n1p1 rw\n";

  private static final String DISK =
      "B nvme0n1\n"
          + "E dev\nE size\nE removable\nE ro\nE device\nE nvme0n1p1\nE nvme0n1p2\nE slaves\n"
          + "F dev\n"
          + od("259:0\n")
          + "F size\n"
          + od("16777216\n")
          + "F removable\n"
          + od("0\n")
          + "F ro\n"
          + od("0\n")
          + "F device/model\n"
          + od("Amazon Elastic Block Store              \n")
          + "U device/serial\n"
          + "S stray\n"
          + "P nvme0n1p2\n"
          + "F dev\n"
          + od("259:2\n")
          + "F size\n"
          + od("16771072\n")
          + "F partition\n"
          + od("2\n")
          + "F start\n"
          + od("6144\n")
          + "Q\n"
          + "P nvme0n1p1\n"
          + "F dev\n"
          + od("259:1\n")
          + "F partition\n"
          + "R\n"
          + "Q\n";

  @Test
  void aDiskWithItsPartitionsAndMountinfo() {
    SysfsDump.Result result = SysfsDump.parse(DISK + "B dm-0\n" + "M\n" + od(MOUNTINFO) + "END\n");

    // dm-0 lists no entries: left out, as the file-by-file reader leaves it out
    assertThat(result.devices()).extracting(RawBlockDevice::name).containsExactly("nvme0n1");
    RawBlockDevice disk = result.devices().get(0);
    assertThat(disk.sysfsPath()).isEqualTo("sys/block/nvme0n1");
    assertThat(disk.files())
        .containsEntry("dev", "259:0\n")
        .containsEntry("size", "16777216\n")
        .containsEntry("device/model", "Amazon Elastic Block Store              \n")
        .doesNotContainKey("device/serial");
    assertThat(disk.unreadable()).containsExactly("device/serial");
    // a disk (no dm/ nor md/) has no slaves even if slaves/ lists something
    assertThat(disk.slaves()).isEmpty();
    assertThat(disk.partitions())
        .extracting(RawBlockDevice::name)
        .containsExactly("nvme0n1p1", "nvme0n1p2");
    RawBlockDevice first = disk.partitions().get(0);
    assertThat(first.sysfsPath()).isEqualTo("sys/block/nvme0n1/nvme0n1p1");
    assertThat(first.files()).isEqualTo(Map.of("dev", "259:1\n"));
    assertThat(first.unreadable()).isEqualTo(Set.of("partition")); // the read failed: R
    assertThat(disk.partitions().get(1).files())
        .isEqualTo(
            Map.of("dev", "259:2\n", "size", "16771072\n", "partition", "2\n", "start", "6144\n"));
    assertThat(result.mountInfo()).contains(MOUNTINFO);
    assertThat(result.mountInfoProblem()).isEmpty();
  }

  @Test
  void aStackedDeviceKeepsItsSlavesSorted() {
    String dm =
        "B dm-0\nE dm\nE slaves\nE dev\nF dm/name\n"
            + od("vg0-root\n")
            + "S sdb1\nS sda2\nM missing\nEND\n";

    SysfsDump.Result result = SysfsDump.parse(dm);

    assertThat(result.devices().get(0).slaves()).containsExactly("sda2", "sdb1");
    assertThat(result.devices().get(0).files()).containsEntry("dm/name", "vg0-root\n");
    assertThat(result.mountInfo()).isEmpty();
    assertThat(result.mountInfoProblem()).isEqualTo("proc/self/mountinfo does not exist");
  }

  @Test
  void devicesComeInNameOrderAndContentKeepsEveryByte() {
    String odd = "line one\nline two \u00e9\tend\n\nB fake\nEND\n";
    SysfsDump.Result result =
        SysfsDump.parse(
            "B sdb\nE serial\nF serial\n"
                + od(odd)
                + "B sda\nE ro\nF ro\n"
                + od("1\n")
                + "M unreadable\nEND\n");

    assertThat(result.devices()).extracting(RawBlockDevice::name).containsExactly("sda", "sdb");
    assertThat(result.devices().get(1).files()).containsEntry("serial", odd);
    assertThat(result.mountInfoProblem()).isEqualTo("proc/self/mountinfo could not be read");
  }

  @Test
  void aFileLargerThanAnAttributeIsUnreadable() {
    String big = "x".repeat(64 * 1024 + 1);
    SysfsDump.Result result = SysfsDump.parse("B sda\nE size\nF size\n" + od(big) + "M\nEND\n");

    assertThat(result.devices().get(0).files()).isEmpty();
    assertThat(result.devices().get(0).unreadable()).containsExactly("size");
    assertThat(result.mountInfo()).contains("");
  }

  @Test
  void incompleteOrForeignOutputIsRefusedSoTheCallerReadsFileByFile() {
    String complete = DISK + "M\n" + od(MOUNTINFO) + "END\n";
    assertThat(SysfsDump.parse(complete).devices()).hasSize(1);
    // cut anywhere before END: refused
    for (String cut :
        List.of(
            complete.substring(0, complete.indexOf("END")),
            complete.substring(0, complete.indexOf("Q\n")),
            DISK + "END\n",
            "X root\nEND\n",
            "X sysblock\nEND\n",
            "sudo: a password is required\n",
            "",
            "E dev\nM\nEND\n",
            "B sda\nF size\n 3\nM\nEND\n",
            "B sda\nF size\n 3g\nM\nEND\n",
            complete + "B sdz\n")) {
      assertThatThrownBy(() -> SysfsDump.parse(cut))
          .as(cut)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anyOutputParsesOrIsRefusedWithIllegalArgument() {
    assertTimeoutPreemptively(
        BUDGET,
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any())
                .checkAssert(
                    text -> {
                      try {
                        assertThat(SysfsDump.parse(text + "\nM\nEND\n").devices()).isNotNull();
                      } catch (IllegalArgumentException e) {
                        assertThat(e.getMessage()).isNotBlank();
                      }
                    }));
  }

  @Test
  void hexIsOdOutput() {
    assertThat(SysfsDump.hex(" 30 0a ff 41")).containsExactly(0x30, 0x0a, 0xff, 0x41);
    assertThat(Optional.of(SysfsDump.hex(""))).get().isEqualTo(new byte[0]);
  }
}
