package dev.mgnagent.testkit.disk;

import static dev.mgnagent.testkit.disk.Sizes.GiB;
import static dev.mgnagent.testkit.disk.Sizes.MiB;

/** A test-only machine that uses every builder feature at once, for the structural tests. */
final class KitchenSink {

  private KitchenSink() {}

  static FakeBlockDevicesBuilder builder() {
    return FakeBlockDevices.builder()
        .loop(0, "/srv/a.img", MiB(100))
        .scsiDisk("sda", GiB(64))
        .byId("scsi-0QEMU_QEMU_HARDDISK_drive-scsi0-0-0-0")
        .partition(1, MiB(512))
        .partition(2, GiB(10))
        .partition(16, GiB(1))
        .done()
        .scsiDisk("sdb", GiB(8))
        .done()
        .scsiDisk("sdc", GiB(8))
        .done()
        .nvmeDisk("nvme0n1", GiB(10))
        .model("Some NVMe")
        .serial("S123")
        .partition(1, GiB(5))
        .done()
        .nvmeDisk("nvme0n2", GiB(4))
        .done()
        .xenDisk("xvdc", GiB(4))
        .partition(1, GiB(2))
        .done()
        .virtioDisk("vdd", GiB(4))
        .removable()
        .readOnly()
        .done()
        .cdrom("sr0", MiB(650))
        .cdrom("sr1")
        .mdArray("md127", MdLevel.RAID0, "sdb", "sdc")
        .crypt("luks-data", "md127")
        .lvmVolume("my-vg", "data-lv", GiB(10), "luks-data")
        .lvmVolume("rootvg", "root", GiB(9), "sda2")
        .zram(0, GiB(1))
        .zram(1, 0)
        .ramDisk(0, MiB(16))
        .mount("/", "rootvg-root", "btrfs")
        .mount("/boot", "sda1", "ext4")
        .mount("/srv/my data", "my--vg-data--lv", "xfs")
        .mount("/mnt/nvme", "nvme0n1p1", "ext4")
        .mount("/mnt/nvme/inner", "nvme0n2", "ext4")
        .mount("/mnt/xen", "xvdc1", "ext4")
        .mount("/mnt/cd", "sr0", "iso9660")
        .mount("/mnt/a", "loop0", "ext4")
        .pseudoMount("/tmp", "tmpfs", "tmpfs")
        .swap("sda16", -2)
        .swap("zram0", 100);
  }
}
