package dev.mgnagent.testkit.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each scenario holds, file by file, as a reader of a real host would find it. */
class ScenarioContentTest {

  @TempDir Path temp;

  private HostTree write(FakeBlockDevicesBuilder builder) {
    return new HostTree(builder.writeTo(temp.resolve("root")));
  }

  private static String mountLine(HostTree tree, String mountPoint) {
    return tree.mountinfo().stream()
        .filter(f -> f[4].equals(mountPoint))
        .map(f -> String.join(" ", f))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> names(HostTree tree, String dir) {
    return tree.list(dir).stream()
        .map(p -> p.getFileName().toString())
        .collect(Collectors.toList());
  }

  @Test
  void virtioDisksReportThePciVendorAndNoModel() {
    HostTree tree = write(FakeBlockDeviceScenarios.virtioWithSeparateBoot());
    assertThat(tree.read("sys/block/vda/dev")).isEqualTo("254:0\n");
    assertThat(tree.read("sys/block/vda/vda1/dev")).isEqualTo("254:1\n");
    assertThat(tree.read("sys/block/vdb/dev")).isEqualTo("254:16\n");
    assertThat(tree.read("sys/block/vda/size")).isEqualTo("41943040\n");
    assertThat(tree.read("sys/block/vda/device/vendor")).isEqualTo("0x1af4\n");
    assertThat(tree.root.resolve("sys/block/vda/device/model")).doesNotExist();
    assertThat(tree.link("sys/block/vda/device")).isEqualTo("../../../virtio1");
    assertThat(tree.read("sys/block/vda/serial")).isEmpty();
    assertThat(tree.read("sys/block/vdb/serial")).isEqualTo("data-0001");
    assertThat(tree.link("dev/disk/by-id/virtio-data-0001-part1")).isEqualTo("../../vdb1");
    assertThat(mountLine(tree, "/")).contains(" 254:2 ", " - ext4 /dev/vda2 ");
    assertThat(mountLine(tree, "/boot")).contains(" 254:1 ", " - xfs /dev/vda1 ");
  }

  @Test
  void nitroNvmeHasAmazonLinuxAliasesAndEbsIdentity() {
    HostTree tree = write(FakeBlockDeviceScenarios.nitroNvme());
    assertThat(tree.link("sys/block/nvme0n1"))
        .isEqualTo("../devices/pci0000:00/0000:00:01.0/0000:01:00.0/nvme/nvme0/nvme0n1");
    assertThat(tree.link("sys/block/nvme0n1/device")).isEqualTo("../../nvme0");
    assertThat(tree.read("sys/block/nvme0n1/device/model"))
        .isEqualTo("Amazon Elastic Block Store\n");
    assertThat(tree.read("sys/block/nvme0n1/device/serial")).isEqualTo("vol0123456789abcdef0\n");
    assertThat(tree.read("sys/block/nvme1n1/device/serial")).isEqualTo("vol0fedcba9876543210\n");
    assertThat(tree.root.resolve("sys/block/nvme0n1/device/vendor")).doesNotExist();
    assertThat(List.of("nvme0n1", "nvme0n1p1", "nvme0n1p127", "nvme0n1p128", "nvme1n1"))
        .extracting(n -> tree.read("sys/class/block/" + n + "/dev"))
        .containsExactly("259:0\n", "259:1\n", "259:2\n", "259:3\n", "259:4\n");
    assertThat(tree.read("sys/block/nvme0n1/nvme0n1p128/start")).isEqualTo("4096\n");
    assertThat(tree.link("dev/xvda")).isEqualTo("nvme0n1");
    assertThat(tree.link("dev/xvda1")).isEqualTo("nvme0n1p1");
    assertThat(tree.link("dev/sdf")).isEqualTo("nvme1n1");
    assertThat(tree.link("dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_vol0123456789abcdef0"))
        .isEqualTo("../../nvme0n1");
    assertThat(
            tree.link("dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_vol0123456789abcdef0-part1"))
        .isEqualTo("../../nvme0n1p1");
    assertThat(mountLine(tree, "/")).contains(" 259:1 ", " - xfs /dev/nvme0n1p1 ");
    assertThat(mountLine(tree, "/data")).contains(" 259:4 ", " /dev/nvme1n1 ");
  }

  @Test
  void lvmRootSpansBothPhysicalVolumes() {
    HostTree tree = write(FakeBlockDeviceScenarios.lvmRootSpanningTwoDisks());
    assertThat(tree.read("sys/block/dm-0/dm/name")).isEqualTo("vg0-root\n");
    assertThat(tree.read("sys/block/dm-0/dm/uuid")).matches("LVM-[A-Za-z0-9]{64}\n");
    assertThat(names(tree, "sys/block/dm-0/slaves")).containsExactly("sda2", "sdb1");
    assertThat(names(tree, "sys/block/dm-1/slaves")).containsExactly("sda2");
    assertThat(names(tree, "sys/block/sda/sda2/holders")).containsExactly("dm-0", "dm-1");
    assertThat(names(tree, "sys/block/sda/holders")).isEmpty();
    assertThat(tree.link("dev/mapper/vg0-root")).isEqualTo("../dm-0");
    assertThat(tree.link("dev/vg0/root")).isEqualTo("../dm-0");
    assertThat(mountLine(tree, "/")).contains(" 253:0 ", " /dev/mapper/vg0-root ");
    assertThat(tree.read("proc/swaps")).contains("/dev/dm-1 ");
  }

  @Test
  void mdArraysMirrorPartitionsOfBothDisks() {
    HostTree tree = write(FakeBlockDeviceScenarios.mdRaid1Root());
    assertThat(tree.read("sys/block/md0/dev")).isEqualTo("9:0\n");
    assertThat(tree.read("sys/block/md0/md/level")).isEqualTo("raid1\n");
    assertThat(tree.read("sys/block/md1/md/level")).isEqualTo("raid1\n");
    assertThat(names(tree, "sys/block/md0/slaves")).containsExactly("sda1", "sdb1");
    assertThat(names(tree, "sys/block/sdb/sdb2/holders")).containsExactly("md1");
    assertThat(HostTree.real(tree.root.resolve("sys/block/md0/md/dev-sdb1/block")))
        .isEqualTo(HostTree.real(tree.root.resolve("sys/class/block/sdb1")));
    assertThat(mountLine(tree, "/")).contains(" 9:0 ", " - ext4 /dev/md0 ");
    assertThat(mountLine(tree, "/boot")).contains(" 9:1 ");
  }

  @Test
  void multipathMapStandsForBothPathsAndCarriesThePartition() {
    HostTree tree = write(FakeBlockDeviceScenarios.multipathData());
    assertThat(tree.read("sys/block/dm-0/dm/name")).isEqualTo("mpatha\n");
    assertThat(tree.read("sys/block/dm-0/dm/uuid"))
        .isEqualTo("mpath-3600a098038303053453f463045727a41\n");
    assertThat(tree.read("sys/block/dm-1/dm/name")).isEqualTo("mpatha1\n");
    assertThat(tree.read("sys/block/dm-1/dm/uuid"))
        .isEqualTo("part1-mpath-3600a098038303053453f463045727a41\n");
    assertThat(names(tree, "sys/block/dm-0/slaves")).containsExactly("sdb", "sdc");
    assertThat(names(tree, "sys/block/dm-1/slaves")).containsExactly("dm-0");
    assertThat(names(tree, "sys/block/sdc/holders")).containsExactly("dm-0");
    assertThat(tree.read("sys/block/sdb/dev")).isEqualTo("8:16\n");
    assertThat(tree.read("sys/block/sdc/dev")).isEqualTo("8:32\n");
    assertThat(tree.read("sys/block/sdb/device/vendor")).isEqualTo("NETAPP  \n");
    assertThat(tree.read("sys/block/sdb/device/model")).isEqualTo("LUN C-Mode      \n");
    assertThat(tree.link("sys/block/sdc")).contains("/host2/target2:0:0/2:0:0:1/block/sdc");
    assertThat(mountLine(tree, "/data")).contains(" 253:1 ", " /dev/mapper/mpatha1 ");
  }

  @Test
  void wholeDiskFilesystemHasNoPartitionTable() {
    HostTree tree = write(FakeBlockDeviceScenarios.wholeDiskFilesystem());
    assertThat(HostTree.partitionDirs(HostTree.real(tree.root.resolve("sys/block/vda")))).isEmpty();
    assertThat(mountLine(tree, "/")).contains(" 254:0 ", " - ext4 /dev/vda ");
    assertThat(tree.read("sys/block/loop7/size")).isEqualTo("0\n");
    assertThat(tree.read("sys/block/zram0/size")).isEqualTo("0\n");
  }

  @Test
  void wholeDiskFilesystemMatchesTheRealCaptureFileForFile() {
    Path fake = FakeBlockDeviceScenarios.wholeDiskFilesystem().writeTo(temp.resolve("fake"));
    Path real = FakeBlockDevices.realVirtioWholeDiskFixture(temp.resolve("real"));
    for (String file : List.of("dev", "size", "removable", "ro", "serial", "device/vendor")) {
      assertThat(fake.resolve("sys/block/vda/" + file))
          .as(file)
          .hasSameBinaryContentAs(real.resolve("sys/block/vda/" + file));
    }
    for (String link :
        List.of(
            "sys/block/vda",
            "sys/block/vda/device",
            "sys/class/block/vda",
            "sys/dev/block/254:0")) {
      assertThat(HostTree.link(fake.resolve(link)))
          .as(link)
          .isEqualTo(HostTree.link(real.resolve(link)));
    }
    assertThat(fake.resolve("proc/partitions"))
        .hasSameBinaryContentAs(real.resolve("proc/partitions"));
  }

  @Test
  void noiseDevicesLookLikeTheirDrivers() {
    HostTree tree = write(FakeBlockDeviceScenarios.noise());
    assertThat(tree.read("sys/block/sr0/dev")).isEqualTo("11:0\n");
    assertThat(tree.read("sys/block/sr0/removable")).isEqualTo("1\n");
    assertThat(tree.read("sys/block/sr0/device/type")).isEqualTo("5\n");
    assertThat(tree.link("dev/cdrom")).isEqualTo("sr0");
    assertThat(tree.read("sys/block/loop0/loop/backing_file"))
        .isEqualTo("/var/lib/snapd/snaps/core22_1380.snap\n");
    assertThat(tree.read("sys/block/loop0/ro")).isEqualTo("1\n");
    assertThat(tree.root.resolve("sys/block/loop3/loop")).doesNotExist();
    assertThat(tree.read("sys/block/loop3/size")).isEqualTo("0\n");
    assertThat(tree.read("sys/block/zram0/dev")).isEqualTo("252:0\n");
    assertThat(tree.read("sys/block/ram0/dev")).isEqualTo("1:0\n");
    assertThat(tree.link("sys/block/loop0")).isEqualTo("../devices/virtual/block/loop0");
    assertThat(mountLine(tree, "/snap/core22/1380")).contains(" 7:0 ", " - squashfs /dev/loop0 ");
    assertThat(mountLine(tree, "/mnt/disk\\040image")).contains(" 7:2 ");
    assertThat(tree.read("proc/swaps")).contains("/dev/zram0  ").endsWith("\t100\n");
  }

  @Test
  void overlayRootIsNotOnABlockDevice() {
    HostTree tree = write(FakeBlockDeviceScenarios.overlayRoot());
    String[] root =
        tree.mountinfo().stream().filter(f -> f[4].equals("/")).findFirst().orElseThrow();
    assertThat(root[2]).startsWith("0:");
    assertThat(String.join(" ", root)).contains(" - overlay overlay ");
    assertThat(mountLine(tree, "/etc/hosts"))
        .contains(" 254:1 /var/lib/docker/containers/")
        .contains("/hosts /etc/hosts ");
    assertThat(tree.list("sys/block"))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("vda");
  }

  @Test
  void xenDisksLiveUnderTheirVbd() {
    HostTree tree = write(FakeBlockDeviceScenarios.xenWithSwapDisk());
    assertThat(tree.link("sys/block/xvdb")).isEqualTo("../devices/vbd-51728/block/xvdb");
    assertThat(tree.link("sys/block/xvdb/device")).isEqualTo("../../../vbd-51728");
    assertThat(tree.read("sys/block/xvdb/dev")).isEqualTo("202:16\n");
    assertThat(tree.root.resolve("sys/block/xvda/device/model")).doesNotExist();
    assertThat(tree.read("proc/swaps")).contains("/dev/xvdb ");
  }

  @Test
  void encryptedLvmStacksTheVolumeOnTheCryptMapping() {
    HostTree tree = write(FakeBlockDeviceScenarios.encryptedLvmRoot());
    assertThat(tree.read("sys/block/dm-0/dm/uuid"))
        .matches("CRYPT-LUKS2-[0-9a-f]{32}-dm_crypt-0\n");
    assertThat(tree.read("sys/block/dm-1/dm/name")).isEqualTo("ubuntu--vg-ubuntu--lv\n");
    assertThat(names(tree, "sys/block/dm-1/slaves")).containsExactly("dm-0");
    assertThat(names(tree, "sys/block/vda/vda3/holders")).containsExactly("dm-0");
    assertThat(tree.link("dev/ubuntu-vg/ubuntu-lv")).isEqualTo("../dm-1");
    assertThat(tree.link("dev/mapper/ubuntu--vg-ubuntu--lv")).isEqualTo("../dm-1");
    assertThat(Files.exists(tree.root.resolve("dev/mapper/control"))).isTrue();
  }
}
