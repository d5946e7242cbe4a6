package dev.mgnagent.cli.disks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.disk.FakeBlockDevices;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisksCommandTest {

  @TempDir Path temp;

  private final ObjectMapper json = new ObjectMapper();

  private String tree(String name) {
    return FakeBlockDeviceScenarios.all().get(name).get().writeTo(temp.resolve(name)).toString();
  }

  @Test
  void tableShowsPathSizeRootAndModelThenTheSelection() {
    CliRun run = CliRun.of("disks", "--host-root", tree("multipathData"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "PATH                SIZE (GiB)  ROOT  MODEL\n"
                + "/dev/mapper/mpatha       100.0  no    -\n"
                + "/dev/sda                  30.0  yes   QEMU HARDDISK\n"
                + "\n"
                + "Disk to replicate identified: /dev/mapper/mpatha of size 100 GiB (ALL_DISKS)\n"
                + "Disk to replicate identified: /dev/sda of size 30 GiB (ROOT, ALL_DISKS)\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonHoldsDisksPartitionsSelectionAndWarnings() throws Exception {
    CliRun run =
        CliRun.of(
            "disks",
            "--json",
            "--host-root",
            tree("virtioWithSeparateBoot"),
            "--devices",
            "/dev/vdb1");

    JsonNode doc = json.readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip().lines()).hasSize(1);
    JsonNode vda = doc.path("disks").get(0);
    assertThat(vda.path("path").asText()).isEqualTo("/dev/vda");
    assertThat(vda.path("name").asText()).isEqualTo("vda");
    assertThat(vda.path("sizeBytes").asLong()).isEqualTo(20L << 30);
    assertThat(vda.path("root").asBoolean()).isTrue();
    assertThat(vda.path("model").isNull()).isTrue();
    assertThat(vda.path("removable").asBoolean()).isFalse();
    assertThat(vda.path("partitions").get(0).path("path").asText()).isEqualTo("/dev/vda1");
    assertThat(vda.path("partitions").get(0).path("mountPoints").get(0).asText())
        .isEqualTo("/boot");
    assertThat(vda.path("partitions").get(1).path("sizeBytes").asLong()).isPositive();
    assertThat(doc.path("selected")).hasSize(2);
    assertThat(doc.path("selected").get(1).path("path").asText()).isEqualTo("/dev/vdb");
    assertThat(doc.path("selected").get(1).path("reasons").toString())
        .isEqualTo("[\"VIA_PARTITION\"]");
    assertThat(doc.path("warnings").isArray()).isTrue();
  }

  @Test
  void jsonWarningsCarryCodeAndMessage() throws Exception {
    CliRun run = CliRun.of("disks", "--json", "--host-root", tree("overlayRoot"));

    JsonNode warnings = json.readTree(run.out()).path("warnings");
    assertThat(warnings.get(0).path("code").asText()).isEqualTo("ROOT_NOT_ON_BLOCK_DEVICE");
    assertThat(warnings.get(1).path("code").asText()).isEqualTo("ROOT_DISK_UNKNOWN");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void textWarningsGoToStderr() {
    Path broken =
        FakeBlockDeviceScenarios.virtioWithSeparateBoot()
            .corruptFile("sys/block/vdb/size", "x")
            .writeTo(temp.resolve("broken"));

    CliRun run = CliRun.of("disks", "--host-root", broken.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .isEqualTo("warning: skipped /dev/vdb: sys/block/vdb/size is not a number ('x')\n");
  }

  @Test
  void missingHostRootExitsTwo() {
    CliRun run = CliRun.of("disks", "--host-root", temp.resolve("nothing").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("mgn-agent: --host-root ").endsWith(": no such directory\n");
  }

  @Test
  void hostRootWithoutSysfsExitsTwo() throws Exception {
    Files.createDirectories(temp.resolve("empty"));

    CliRun run = CliRun.of("disks", "--host-root", temp.resolve("empty").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("sys/block is not a directory");
  }

  @Test
  void hostRootWithNoUsableDiskExitsTwoAndSaysWhy() {
    Path onlyBroken =
        FakeBlockDevices.builder()
            .virtioDisk("vda", 1L << 30)
            .done()
            .mount("/", "vda", "ext4")
            .corruptFile("sys/block/vda/dev", "??")
            .writeTo(temp.resolve("broken"));

    CliRun run = CliRun.of("disks", "--json", "--host-root", onlyBroken.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("no usable disk in this tree")
        .contains("sys/block/vda/dev is not a major:minor device number");
    assertThat(run.out()).startsWith("{\"error\":{\"type\":\"INVALID_REQUEST\"");
  }

  @Test
  void invalidDevicesExitTwoListingTheDisks() {
    CliRun run = CliRun.of("disks", "--host-root", tree("noise"), "--devices", "/dev/sr0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            "mgn-agent: --devices: '/dev/sr0' is not a disk MGN can replicate (loop, ram, zram,"
                + " optical, floppy and empty devices are not) (the disks are: /dev/sda)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void forceVolumesWithoutNoPromptOrDevicesExitsTwo() {
    String root = tree("nitroNvme");

    assertThat(
            CliRun.of("disks", "--host-root", root, "--force-volumes", "--devices", "/dev/xvda")
                .exitCode())
        .isEqualTo(2);
    assertThat(CliRun.of("disks", "--host-root", root, "--force-volumes", "--no-prompt").exitCode())
        .isEqualTo(2);
  }

  @Test
  void forceVolumesPassesThePathsAsGiven() throws Exception {
    CliRun run =
        CliRun.of(
            "disks",
            "--json",
            "--host-root",
            tree("nitroNvme"),
            "--force-volumes",
            "--no-prompt",
            "--devices",
            "/dev/xvda,/dev/nvme1n1");

    JsonNode doc = json.readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(doc.path("forced").asBoolean()).isTrue();
    assertThat(doc.path("selected").get(0).path("path").asText()).isEqualTo("/dev/xvda");
    assertThat(doc.path("selected").get(0).path("reasons").toString())
        .isEqualTo("[\"ROOT\",\"FORCED\"]");
  }

  @Test
  void disksNeverPromptsEvenWithoutNoPrompt() {
    CliRun run = CliRun.of("disks", "--host-root", tree("wholeDiskFilesystem"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain("Choose the disks");
  }
}
