package dev.mgnagent.testkit.disk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Link targets compared with what a real kernel and udev write. */
class LinksTest {

  private static final Path VDA = Path.of("sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda");
  private static final Path SDA2 =
      Path.of("sys/devices/pci0000:00/0000:00:10.0/host0/target0:0:0/0:0:0:0/block/sda/sda2");
  private static final Path DM0 = Path.of("sys/devices/virtual/block/dm-0");

  @Test
  void aLinkToAnAncestorClimbsPastItLikeKernfs() {
    assertThat(
            Links.sysfs(
                VDA.resolve("device"), Path.of("sys/devices/pci0000:00/0000:00:02.0/virtio1")))
        .isEqualTo("../../../virtio1");
  }

  @Test
  void linkFarmsPointIntoDevices() {
    assertThat(Links.sysfs(Path.of("sys/block/vda"), VDA))
        .isEqualTo("../devices/pci0000:00/0000:00:02.0/virtio1/block/vda");
    assertThat(Links.sysfs(Path.of("sys/dev/block/254:0"), VDA))
        .isEqualTo("../../devices/pci0000:00/0000:00:02.0/virtio1/block/vda");
  }

  @Test
  void holdersAndSlavesClimbToTheCommonAncestor() {
    assertThat(Links.sysfs(SDA2.resolve("holders/dm-0"), DM0))
        .isEqualTo("../../../../../../../../../virtual/block/dm-0");
    assertThat(Links.sysfs(DM0.resolve("slaves/sda2"), SDA2))
        .isEqualTo("../../../../pci0000:00/0000:00:10.0/host0/target0:0:0/0:0:0:0/block/sda/sda2");
    assertThat(Links.sysfs(VDA.resolve("subsystem"), Path.of("sys/class/block")))
        .isEqualTo("../../../../../../class/block");
  }

  @Test
  void udevLinksAreRelativeToTheirDirectory() {
    assertThat(Links.udev(Path.of("dev/mapper/vg0-root"), Path.of("dev/dm-0")))
        .isEqualTo("../dm-0");
    assertThat(Links.udev(Path.of("dev/disk/by-id/x"), Path.of("dev/nvme0n1")))
        .isEqualTo("../../nvme0n1");
    assertThat(Links.udev(Path.of("dev/xvda"), Path.of("dev/nvme0n1"))).isEqualTo("nvme0n1");
  }
}
