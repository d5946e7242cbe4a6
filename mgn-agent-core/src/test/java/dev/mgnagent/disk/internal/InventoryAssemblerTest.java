package dev.mgnagent.disk.internal;

import static dev.mgnagent.disk.internal.RawDevices.device;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Warning;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.DiskKind;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.disk.StackedDevice;
import dev.mgnagent.disk.StackedDeviceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InventoryAssemblerTest {

  private static final long GIB_SECTORS = 2L * 1024 * 1024;

  private static Inventory assemble(String mountInfo, RawBlockDevice... devices) {
    return assemble(Map.of(), mountInfo, devices);
  }

  private static Inventory assemble(
      Map<String, String> devLinks, String mountInfo, RawBlockDevice... devices) {
    return new InventoryAssembler(p -> Optional.ofNullable(devLinks.get(p)))
        .assemble(List.of(devices), Optional.of(mountInfo), "");
  }

  @Test
  void wholeDiskFileSystemIsTheRootDisk() {
    Inventory inventory =
        assemble(
            "27 1 254:0 / / rw - ext4 /dev/vda rw\n",
            device("vda", "254:0", 536870912)
                .file("device/vendor", "0x1af4\n")
                .file("serial", "overlayblk\n")
                .build());

    Disk vda = inventory.disks().get(0);
    assertThat(vda.path()).isEqualTo("/dev/vda");
    assertThat(vda.sizeBytes()).isEqualTo(274877906944L);
    assertThat(vda.root()).isTrue();
    assertThat(vda.boot()).isTrue();
    assertThat(vda.mountPoints()).containsExactly("/");
    assertThat(vda.vendor()).contains("0x1af4");
    assertThat(vda.serial()).contains("overlayblk");
    assertThat(vda.model()).isEmpty();
    assertThat(inventory.warnings()).isEmpty();
  }

  @Test
  void separateBootPartitionMarksItsDiskAsBoot() {
    Inventory inventory =
        assemble(
            "1 0 8:2 / / rw - xfs /dev/sda2 rw\n2 1 8:17 / /boot rw - xfs /dev/sdb1 rw\n",
            device("sda", "8:0", 20 * GIB_SECTORS)
                .partition("sda1", "8:1", 1, 2048, 2048)
                .partition("sda2", "8:2", 2, 4096, 19 * GIB_SECTORS)
                .build(),
            device("sdb", "8:16", 4 * GIB_SECTORS)
                .partition("sdb1", "8:17", 1, 2048, GIB_SECTORS)
                .build());

    assertThat(inventory.rootDisks()).extracting(Disk::name).containsExactly("sda");
    assertThat(inventory.bootDisks()).extracting(Disk::name).containsExactly("sdb");
    Disk sda = inventory.disk("sda").orElseThrow();
    assertThat(sda.partitions())
        .extracting(p -> p.name() + "@" + p.mountPoints())
        .containsExactly("sda1@[]", "sda2@[/]");
    assertThat(sda.partitions().get(1).startSector()).isEqualTo(OptionalLong.of(4096));
  }

  @Test
  void lvmRootSpanningTwoDisksMakesBothRootDisks() {
    Inventory inventory =
        assemble(
            "1 0 253:0 / / rw - ext4 /dev/mapper/vg0-root rw\n",
            device("sda", "8:0", 10 * GIB_SECTORS)
                .partition("sda1", "8:1", 1, 2048, GIB_SECTORS)
                .partition("sda2", "8:2", 2, GIB_SECTORS + 2048, 8 * GIB_SECTORS)
                .build(),
            device("sdb", "8:16", 10 * GIB_SECTORS)
                .partition("sdb1", "8:17", 1, 2048, 9 * GIB_SECTORS)
                .build(),
            device("sdc", "8:32", 10 * GIB_SECTORS).build(),
            device("dm-0", "253:0", 17 * GIB_SECTORS)
                .file("dm/name", "vg0-root\n")
                .file("dm/uuid", "LVM-abc\n")
                .slaves("sda2", "sdb1")
                .build());

    assertThat(inventory.rootDisks()).extracting(Disk::name).containsExactly("sda", "sdb");
    assertThat(inventory.disk("sdc").orElseThrow().root()).isFalse();
    StackedDevice lv = inventory.stackedDevices().get(0);
    assertThat(lv.path()).isEqualTo("/dev/mapper/vg0-root");
    assertThat(lv.type()).isEqualTo(StackedDeviceType.LVM);
    assertThat(lv.diskNames()).containsExactly("sda", "sdb");
    assertThat(lv.mountPoints()).containsExactly("/");
    assertThat(inventory.disk("sdb").orElseThrow().partitions().get(0).holders())
        .containsExactly("/dev/mapper/vg0-root");
  }

  @Test
  void mdRaidRootResolvesThroughSlavesToBothDisks() {
    Inventory inventory =
        assemble(
            "1 0 9:0 / / rw - ext4 /dev/md0 rw\n",
            device("sda", "8:0", 10 * GIB_SECTORS)
                .partition("sda1", "8:1", 1, 2048, 9 * GIB_SECTORS)
                .build(),
            device("sdb", "8:16", 10 * GIB_SECTORS)
                .partition("sdb1", "8:17", 1, 2048, 9 * GIB_SECTORS)
                .build(),
            device("md0", "9:0", 9 * GIB_SECTORS)
                .file("md/level", "raid1\n")
                .slaves("sda1", "sdb1")
                .build());

    assertThat(inventory.rootDisks()).extracting(Disk::name).containsExactly("sda", "sdb");
    assertThat(inventory.stackedDevices())
        .extracting(StackedDevice::type)
        .containsExactly(StackedDeviceType.MD_RAID);
  }

  @Test
  void multipathMapIsOneDiskAndItsPathsAreNot() {
    Inventory inventory =
        assemble(
            "1 0 8:1 / / rw - ext4 /dev/sda1 rw\n2 1 253:1 / /data rw - xfs /dev/mapper/mpatha1 rw\n",
            device("sda", "8:0", 10 * GIB_SECTORS)
                .partition("sda1", "8:1", 1, 2048, 9 * GIB_SECTORS)
                .build(),
            device("sdb", "8:16", 50 * GIB_SECTORS).build(),
            device("sdc", "8:32", 50 * GIB_SECTORS).build(),
            device("dm-0", "253:0", 50 * GIB_SECTORS)
                .file("dm/name", "mpatha\n")
                .file("dm/uuid", "mpath-3600a0b80001\n")
                .slaves("sdb", "sdc")
                .build(),
            device("dm-1", "253:1", 49 * GIB_SECTORS)
                .file("dm/name", "mpatha1\n")
                .file("dm/uuid", "part1-mpath-3600a0b80001\n")
                .slaves("dm-0")
                .build());

    assertThat(inventory.disks())
        .extracting(Disk::path)
        .containsExactly("/dev/mapper/mpatha", "/dev/sda");
    Disk map = inventory.disk("dm-0").orElseThrow();
    assertThat(map.kind()).isEqualTo(DiskKind.MULTIPATH);
    assertThat(map.partitions())
        .extracting(p -> p.path() + "#" + p.number() + "@" + p.mountPoints())
        .containsExactly("/dev/mapper/mpatha1#1@[/data]");
    assertThat(inventory.stackedDevices())
        .extracting(StackedDevice::diskNames)
        .containsExactly(List.of("dm-0"));
  }

  @Test
  void noiseDevicesAreNeverDisks() {
    Inventory inventory =
        assemble(
            "1 0 8:0 / / rw - ext4 /dev/sda rw\n",
            device("sda", "8:0", GIB_SECTORS).build(),
            device("loop0", "7:0", GIB_SECTORS).build(),
            device("zram0", "252:0", GIB_SECTORS).build(),
            device("sr0", "11:0", GIB_SECTORS).file("removable", "1\n").build(),
            device("ram0", "1:0", GIB_SECTORS).build(),
            device("fd0", "2:0", 2880).build(),
            device("nbd0", "43:0", 0).build());

    assertThat(inventory.disks()).extracting(Disk::name).containsExactly("sda");
    assertThat(inventory.warnings()).isEmpty();
  }

  @Test
  void everyBlockDeviceIsListedWithItsRoleAndDisks() {
    Inventory inventory =
        assemble(
            "1 0 253:0 / / rw - ext4 /dev/mapper/vg0-root rw\n",
            device("sda", "8:0", 10 * GIB_SECTORS)
                .partition("sda1", "8:1", 1, 2048, 9 * GIB_SECTORS)
                .build(),
            device("sdb", "8:16", GIB_SECTORS).file("size", "x").build(),
            device("dm-0", "253:0", 9 * GIB_SECTORS)
                .file("dm/name", "vg0-root\n")
                .file("dm/uuid", "LVM-x\n")
                .slaves("sda1")
                .build(),
            device("loop0", "7:0", 0).build(),
            device("sr0", "11:0", GIB_SECTORS).build());

    assertThat(inventory.blockDevices())
        .extracting(d -> d.name() + " " + d.path() + " " + d.role() + " " + d.diskNames())
        .containsExactly(
            "dm-0 /dev/mapper/vg0-root STACKED [sda]",
            "loop0 /dev/loop0 NOT_A_DISK []",
            "sda /dev/sda DISK [sda]",
            "sda1 /dev/sda1 PARTITION [sda]",
            "sdb /dev/sdb UNREADABLE []",
            "sr0 /dev/sr0 NOT_A_DISK []");
  }

  @Test
  void unparsableFileSkipsTheDeviceWithAWarningNamingTheFile() {
    Inventory inventory =
        assemble(
            "1 0 8:0 / / rw - ext4 /dev/sda rw\n",
            device("sda", "8:0", GIB_SECTORS).build(),
            device("sdb", "8:16", GIB_SECTORS).file("size", "garbage\n").build(),
            device("sdc", "8:32", GIB_SECTORS).unreadable("ro").build(),
            device("sdd", "8:48", GIB_SECTORS).withoutFile("dev").build());

    assertThat(inventory.disks()).extracting(Disk::name).containsExactly("sda");
    assertThat(inventory.warnings())
        .extracting(Warning::message)
        .containsExactly(
            "skipped /dev/sdb: sys/block/sdb/size is not a number ('garbage')",
            "skipped /dev/sdc: sys/block/sdc/ro could not be read",
            "skipped /dev/sdd: sys/block/sdd/dev is missing");
    assertThat(inventory.warnings())
        .extracting(Warning::code)
        .containsOnly(Warning.Code.DEVICE_SKIPPED);
  }

  @Test
  void brokenPartitionIsSkippedButItsDiskStays() {
    Inventory inventory =
        assemble(
            "1 0 8:2 / / rw - ext4 /dev/sda2 rw\n",
            device("sda", "8:0", 10 * GIB_SECTORS)
                .partition("sda1", "8:1", 1, 2048, GIB_SECTORS)
                .partition("sda2", "8:2", 2, GIB_SECTORS + 2048, 8 * GIB_SECTORS)
                .build());
    RawBlockDevice broken =
        device("sdb", "8:16", GIB_SECTORS).partition("sdb1", "8:17", 1, 2048, 100).build();
    RawBlockDevice sdb =
        new RawBlockDevice(
            broken.name(),
            broken.sysfsPath(),
            broken.files(),
            broken.unreadable(),
            broken.slaves(),
            List.of(withFile(broken.partitions().get(0), "partition", "x")));

    Inventory withBroken =
        new InventoryAssembler(p -> Optional.empty())
            .assemble(List.of(sdb), Optional.of("1 0 8:16 / / rw - ext4 /dev/sdb rw\n"), "");

    assertThat(inventory.rootDisks()).extracting(Disk::name).containsExactly("sda");
    assertThat(withBroken.disks()).extracting(Disk::name).containsExactly("sdb");
    assertThat(withBroken.disks().get(0).partitions()).isEmpty();
    assertThat(withBroken.warnings())
        .extracting(Warning::message)
        .containsExactly("skipped /dev/sdb1: sys/block/sdb/sdb1/partition is not a number ('x')");
  }

  @Test
  void overlayRootMeansNoRootDiskAndAWarning() {
    Inventory inventory =
        assemble(
            "500 400 0:52 / / rw - overlay overlay rw,lowerdir=/x\n",
            device("vda", "254:0", GIB_SECTORS).build());

    assertThat(inventory.rootDisks()).isEmpty();
    assertThat(inventory.bootDisks()).isEmpty();
    assertThat(inventory.warnings())
        .extracting(Warning::code)
        .containsExactly(Warning.Code.ROOT_NOT_ON_BLOCK_DEVICE);
    assertThat(inventory.warnings().get(0).message()).startsWith("/ is on overlay (overlay)");
  }

  @Test
  void btrfsRootOnAnAnonymousDeviceIsFoundThroughItsSource() {
    Inventory inventory =
        assemble(
            Map.of("/dev/sda2", "sda2"),
            "1 0 0:31 /@ / rw - btrfs /dev/sda2 rw,subvol=/@\n",
            device("sda", "8:0", 10 * GIB_SECTORS)
                .partition("sda2", "8:2", 2, 4096, 9 * GIB_SECTORS)
                .build());

    assertThat(inventory.rootDisks()).extracting(Disk::name).containsExactly("sda");
    assertThat(inventory.warnings()).isEmpty();
  }

  @Test
  void theLastMountOnRootWins() {
    Inventory inventory =
        assemble(
            "1 0 8:0 / / rw - ext4 /dev/sda rw\n9 1 8:16 / / rw - ext4 /dev/sdb rw\n",
            device("sda", "8:0", GIB_SECTORS).build(),
            device("sdb", "8:16", GIB_SECTORS).build());

    assertThat(inventory.rootDisks()).extracting(Disk::name).containsExactly("sdb");
  }

  @Test
  void unreadableMountTableLeavesRootUnknownWithAWarning() {
    Inventory inventory =
        new InventoryAssembler(p -> Optional.empty())
            .assemble(
                List.of(device("sda", "8:0", GIB_SECTORS).build()),
                Optional.empty(),
                "proc/self/mountinfo does not exist");

    assertThat(inventory.rootDisks()).isEmpty();
    assertThat(inventory.warnings())
        .extracting(Warning::message)
        .containsExactly(
            "proc/self/mountinfo does not exist: mount points, root and boot disks"
                + " are unknown");
  }

  @Test
  void stackedDeviceCyclesDoNotLoop() {
    Inventory inventory =
        assemble(
            "1 0 253:0 / / rw - ext4 /dev/mapper/a rw\n",
            device("dm-0", "253:0", GIB_SECTORS).file("dm/name", "a\n").slaves("dm-1").build(),
            device("dm-1", "253:1", GIB_SECTORS).file("dm/name", "b\n").slaves("dm-0").build(),
            device("sda", "8:0", GIB_SECTORS).build());

    assertThat(inventory.rootDisks()).isEmpty();
    assertThat(inventory.stackedDevices())
        .extracting(StackedDevice::type)
        .containsOnly(StackedDeviceType.DEVICE_MAPPER);
  }

  @Test
  void disksAreInKernelOrder() {
    Inventory inventory =
        assemble(
            "1 0 8:0 / / rw - ext4 /dev/sda rw\n",
            device("sdaa", "65:160", GIB_SECTORS).build(),
            device("sdb", "8:16", GIB_SECTORS).build(),
            device("sda", "8:0", GIB_SECTORS).build());

    assertThat(inventory.disks()).extracting(Disk::name).containsExactly("sda", "sdb", "sdaa");
  }

  private static RawBlockDevice withFile(RawBlockDevice raw, String file, String content) {
    Map<String, String> files = new java.util.HashMap<>(raw.files());
    files.put(file, content);
    return new RawBlockDevice(
        raw.name(), raw.sysfsPath(), files, raw.unreadable(), raw.slaves(), raw.partitions());
  }
}
