package dev.mgnagent.testkit.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Warning;
import dev.mgnagent.disk.BlockDeviceRole;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.DiskKind;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.disk.StackedDevice;
import dev.mgnagent.disk.StackedDeviceType;
import dev.mgnagent.host.LocalHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link DiskInventory} reads from every ready-made fake machine. */
class ScenarioInventoryTest {

  private static final long GIB = 1L << 30;

  @TempDir Path temp;

  private Inventory read(FakeBlockDevicesBuilder scenario) {
    return DiskInventory.of(LocalHost.rootedAt(scenario.writeTo(temp.resolve("root")))).read();
  }

  private static List<String> paths(List<Disk> disks) {
    return disks.stream().map(Disk::path).toList();
  }

  @Test
  void virtioWithSeparateBoot() {
    Inventory inventory = read(FakeBlockDeviceScenarios.virtioWithSeparateBoot());

    assertThat(paths(inventory.disks())).containsExactly("/dev/vda", "/dev/vdb");
    assertThat(paths(inventory.rootDisks())).containsExactly("/dev/vda");
    assertThat(paths(inventory.bootDisks())).containsExactly("/dev/vda");
    Disk vda = inventory.disks().get(0);
    assertThat(vda.sizeBytes()).isEqualTo(20 * GIB);
    assertThat(vda.partitions())
        .extracting(p -> p.path() + " " + p.mountPoints())
        .containsExactly("/dev/vda1 [/boot]", "/dev/vda2 [/]");
    assertThat(inventory.disks().get(1).serial()).contains("data-0001");
    assertThat(inventory.warnings()).isEmpty();
  }

  @Test
  void nitroNvme() {
    Inventory inventory = read(FakeBlockDeviceScenarios.nitroNvme());

    assertThat(paths(inventory.disks())).containsExactly("/dev/nvme0n1", "/dev/nvme1n1");
    assertThat(paths(inventory.rootDisks())).containsExactly("/dev/nvme0n1");
    Disk root = inventory.disks().get(0);
    assertThat(root.model()).contains("Amazon Elastic Block Store");
    assertThat(root.serial()).contains("vol0123456789abcdef0");
    assertThat(root.partitions()).extracting(p -> p.number()).containsExactly(1, 127, 128);
    assertThat(inventory.disks().get(1).mountPoints()).containsExactly("/data");
    assertThat(inventory.warnings()).isEmpty();
  }

  @Test
  void lvmRootSpanningTwoDisks() {
    Inventory inventory = read(FakeBlockDeviceScenarios.lvmRootSpanningTwoDisks());

    assertThat(paths(inventory.disks())).containsExactly("/dev/sda", "/dev/sdb");
    assertThat(paths(inventory.rootDisks())).containsExactly("/dev/sda", "/dev/sdb");
    assertThat(paths(inventory.bootDisks())).containsExactly("/dev/sda");
    assertThat(inventory.stackedDevices())
        .extracting(d -> d.path() + " " + d.type() + " " + d.diskNames())
        .containsExactly("/dev/mapper/vg0-root LVM [sda, sdb]", "/dev/mapper/vg0-swap LVM [sda]");
  }

  @Test
  void mdRaid1Root() {
    Inventory inventory = read(FakeBlockDeviceScenarios.mdRaid1Root());

    assertThat(paths(inventory.rootDisks())).containsExactly("/dev/sda", "/dev/sdb");
    assertThat(paths(inventory.bootDisks())).containsExactly("/dev/sda", "/dev/sdb");
    assertThat(inventory.stackedDevices())
        .extracting(StackedDevice::type)
        .containsOnly(StackedDeviceType.MD_RAID);
    assertThat(inventory.stackedDevices())
        .extracting(StackedDevice::mountPoints)
        .containsExactly(List.of("/"), List.of("/boot"));
  }

  @Test
  void multipathData() {
    Inventory inventory = read(FakeBlockDeviceScenarios.multipathData());

    assertThat(paths(inventory.disks())).containsExactly("/dev/mapper/mpatha", "/dev/sda");
    Disk map = inventory.disks().get(0);
    assertThat(map.kind()).isEqualTo(DiskKind.MULTIPATH);
    assertThat(map.sizeBytes()).isEqualTo(100 * GIB);
    assertThat(map.partitions())
        .extracting(p -> p.path() + " " + p.mountPoints())
        .containsExactly("/dev/mapper/mpatha1 [/data]");
    assertThat(inventory.blockDevice("sdb").orElseThrow().role())
        .isEqualTo(BlockDeviceRole.MULTIPATH_PATH);
    assertThat(paths(inventory.rootDisks())).containsExactly("/dev/sda");
  }

  @Test
  void wholeDiskFilesystem() {
    Inventory inventory = read(FakeBlockDeviceScenarios.wholeDiskFilesystem());

    assertThat(paths(inventory.disks())).containsExactly("/dev/vda");
    assertThat(inventory.disks().get(0).mountPoints()).containsExactly("/");
    assertThat(inventory.disks().get(0).root()).isTrue();
    assertThat(inventory.warnings()).isEmpty();
  }

  @Test
  void noiseIsNeverADisk() {
    Inventory inventory = read(FakeBlockDeviceScenarios.noise());

    assertThat(paths(inventory.disks())).containsExactly("/dev/sda");
    assertThat(inventory.blockDevices())
        .filteredOn(d -> d.role() == BlockDeviceRole.NOT_A_DISK)
        .extracting(d -> d.name())
        .containsExactlyInAnyOrder("loop0", "loop1", "loop2", "loop3", "sr0", "zram0", "ram0");
    assertThat(inventory.warnings()).isEmpty();
  }

  @Test
  void overlayRootHasNoRootDiskAndSaysSo() {
    Inventory inventory = read(FakeBlockDeviceScenarios.overlayRoot());

    assertThat(paths(inventory.disks())).containsExactly("/dev/vda");
    assertThat(inventory.rootDisks()).isEmpty();
    assertThat(inventory.warnings())
        .extracting(Warning::code)
        .containsExactly(Warning.Code.ROOT_NOT_ON_BLOCK_DEVICE);
  }

  @Test
  void xenWithSwapDisk() {
    Inventory inventory = read(FakeBlockDeviceScenarios.xenWithSwapDisk());

    assertThat(paths(inventory.disks())).containsExactly("/dev/xvda", "/dev/xvdb");
    assertThat(paths(inventory.rootDisks())).containsExactly("/dev/xvda");
  }

  @Test
  void encryptedLvmRootResolvesThroughTheCryptMapping() {
    Inventory inventory = read(FakeBlockDeviceScenarios.encryptedLvmRoot());

    assertThat(paths(inventory.rootDisks())).containsExactly("/dev/vda");
    assertThat(inventory.stackedDevices())
        .extracting(StackedDevice::type)
        .containsExactly(StackedDeviceType.CRYPT, StackedDeviceType.LVM);
  }

  @Test
  void unparsableSizeSkipsTheDiskWithAWarningNamingTheFile() {
    Inventory inventory =
        read(
            FakeBlockDeviceScenarios.virtioWithSeparateBoot()
                .corruptFile("sys/block/vdb/size", "lots"));

    assertThat(paths(inventory.disks())).containsExactly("/dev/vda");
    assertThat(inventory.warnings())
        .extracting(Warning::message)
        .containsExactly("skipped /dev/vdb: sys/block/vdb/size is not a number ('lots')");
  }

  @Test
  void everyScenarioHasDisksAndNamesItsRootUnlessOverlay() {
    FakeBlockDeviceScenarios.all()
        .forEach(
            (name, scenario) -> {
              Inventory inventory =
                  DiskInventory.of(LocalHost.rootedAt(scenario.get().writeTo(temp.resolve(name))))
                      .read();
              assertThat(inventory.disks()).as(name).isNotEmpty();
              if (!name.equals("overlayRoot")) {
                assertThat(inventory.rootDisks()).as(name).isNotEmpty();
              }
            });
  }
}
