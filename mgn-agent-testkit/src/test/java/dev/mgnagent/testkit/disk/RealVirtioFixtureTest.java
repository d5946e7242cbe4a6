package dev.mgnagent.testkit.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.LocalHost;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture captured verbatim from a real machine (a KVM guest with a whole-disk ext4 root),
 * recreated from the resources: its shape, and what {@link DiskInventory} reads from it. The
 * builder is compared with the same capture in {@code ScenarioContentTest}.
 */
class RealVirtioFixtureTest {

  @TempDir Path temp;

  @Test
  void recreatedFixtureHasTheCapturedShape() {
    Path root = FakeBlockDevices.realVirtioWholeDiskFixture(temp);
    HostTree tree = new HostTree(root);
    assertThat(tree.read("sys/block/vda/dev")).isEqualTo("254:0\n");
    assertThat(tree.read("sys/block/vda/serial")).isEqualTo("overlayblk");
    assertThat(tree.read("sys/block/vda/device/vendor")).isEqualTo("0x1af4\n");
    assertThat(tree.list("sys/block/vda/holders")).isEmpty();
    assertThat(tree.list("sys/block/vda/slaves")).isEmpty();
    assertThat(tree.link("sys/block/vda/device")).isEqualTo("../../../virtio1");
    assertThat(tree.read("proc/partitions")).endsWith(" 254        0  268435456 vda\n");
    assertThat(tree.read("proc/self/mountinfo"))
        .contains(" 254:0 / / rw,relatime - ext4 /dev/vda ");
  }

  @Test
  void diskInventoryReadsTheCapturedMachine() {
    Path root = FakeBlockDevices.realVirtioWholeDiskFixture(temp);

    Inventory inventory = DiskInventory.of(LocalHost.rootedAt(root)).read();

    assertThat(inventory.disks()).hasSize(1);
    Disk vda = inventory.disks().get(0);
    assertThat(vda.path()).isEqualTo("/dev/vda");
    assertThat(vda.sizeBytes()).isEqualTo(274877906944L);
    assertThat(vda.root()).isTrue();
    assertThat(vda.mountPoints()).containsExactly("/");
    assertThat(vda.serial()).contains("overlayblk");
    assertThat(vda.vendor()).contains("0x1af4");
    assertThat(vda.partitions()).isEmpty();
    assertThat(inventory.warnings()).isEmpty();
  }
}
