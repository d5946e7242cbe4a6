package dev.mgnagent.testkit.disk;

import static dev.mgnagent.testkit.disk.Sizes.GiB;
import static dev.mgnagent.testkit.disk.Sizes.MiB;
import static dev.mgnagent.testkit.disk.Sizes.sectors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ready-made fake machines. Each method returns a fresh {@link FakeBlockDevicesBuilder}, so a test
 * can add to it or break it before {@link FakeBlockDevicesBuilder#writeTo}:
 *
 * <pre>{@code
 * Path root = FakeBlockDeviceScenarios.nitroNvme().writeTo(tempDir);
 * Path broken = FakeBlockDeviceScenarios.multipathData()
 *     .corruptFile("sys/block/sdb/size", "garbage").writeTo(otherDir);
 * }</pre>
 *
 * <p>Partitions start at 1 MiB and leave 1 MiB free at the end of the disk, as GPT tools do, unless
 * a scenario says otherwise.
 */
public final class FakeBlockDeviceScenarios {

  private FakeBlockDeviceScenarios() {}

  /** Every scenario by its method name, in the order they are declared here. */
  public static Map<String, Supplier<FakeBlockDevicesBuilder>> all() {
    Map<String, Supplier<FakeBlockDevicesBuilder>> all = new LinkedHashMap<>();
    all.put("virtioWithSeparateBoot", FakeBlockDeviceScenarios::virtioWithSeparateBoot);
    all.put("nitroNvme", FakeBlockDeviceScenarios::nitroNvme);
    all.put("lvmRootSpanningTwoDisks", FakeBlockDeviceScenarios::lvmRootSpanningTwoDisks);
    all.put("mdRaid1Root", FakeBlockDeviceScenarios::mdRaid1Root);
    all.put("multipathData", FakeBlockDeviceScenarios::multipathData);
    all.put("wholeDiskFilesystem", FakeBlockDeviceScenarios::wholeDiskFilesystem);
    all.put("noise", FakeBlockDeviceScenarios::noise);
    all.put("overlayRoot", FakeBlockDeviceScenarios::overlayRoot);
    all.put("xenWithSwapDisk", FakeBlockDeviceScenarios::xenWithSwapDisk);
    all.put("encryptedLvmRoot", FakeBlockDeviceScenarios::encryptedLvmRoot);
    return all;
  }

  /**
   * A KVM guest: virtio disk {@code vda} (20 GiB, 254:0) with {@code vda1} (1 GiB, xfs, {@code
   * /boot}) and {@code vda2} (the rest, ext4, {@code /}); data disk {@code vdb} (50 GiB, 254:16,
   * serial {@code data-0001}) with {@code vdb1} (ext4, {@code /data}).
   */
  public static FakeBlockDevicesBuilder virtioWithSeparateBoot() {
    return FakeBlockDevices.builder()
        .virtioDisk("vda", GiB(20))
        .partition(1, GiB(1))
        .partition(2, GiB(19) - MiB(2))
        .done()
        .virtioDisk("vdb", GiB(50))
        .serial("data-0001")
        .partition(1, GiB(50) - MiB(2))
        .done()
        .mount("/", "vda2", "ext4")
        .mount("/boot", "vda1", "xfs")
        .mount("/data", "vdb1", "ext4");
  }

  /**
   * An Amazon Linux 2023 instance on AWS Nitro. EBS root volume {@code nvme0n1} (8 GiB, 259:0,
   * controller {@code nvme0}, model {@code Amazon Elastic Block Store}, serial {@code
   * vol0123456789abcdef0}) with the AL2023 layout: {@code nvme0n1p1} (sectors 24576 to the end less
   * 33, xfs, {@code /}), {@code nvme0n1p127} (1 MiB BIOS boot at sector 2048) and {@code
   * nvme0n1p128} (10 MiB EFI at sector 4096, vfat, {@code /boot/efi}); data volume {@code nvme1n1}
   * (100 GiB, serial {@code vol0fedcba9876543210}, xfs on the whole disk, {@code /data}). udev
   * links {@code /dev/xvda -> nvme0n1} (and {@code xvda1}, ...), {@code /dev/sdf -> nvme1n1}, and
   * {@code /dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_vol...} with {@code -partN}.
   */
  public static FakeBlockDevicesBuilder nitroNvme() {
    return FakeBlockDevices.builder()
        .nvmeDisk("nvme0n1", GiB(8))
        .model("Amazon Elastic Block Store")
        .serial("vol0123456789abcdef0")
        .alias("xvda")
        .partition(1, sectors(24576), sectors(16752607))
        .partition(127, sectors(2048), sectors(2048))
        .partition(128, sectors(4096), sectors(20480))
        .done()
        .nvmeDisk("nvme1n1", GiB(100))
        .model("Amazon Elastic Block Store")
        .serial("vol0fedcba9876543210")
        .alias("sdf")
        .done()
        .mount("/", "nvme0n1p1", "xfs")
        .mount("/boot/efi", "nvme0n1p128", "vfat")
        .mount("/data", "nvme1n1", "xfs");
  }

  /**
   * A root logical volume spread over two disks. {@code sda} (20 GiB) with {@code sda1} (1 GiB,
   * xfs, {@code /boot}) and {@code sda2} (PV); {@code sdb} (10 GiB) with {@code sdb1} (PV). Volume
   * group {@code vg0}: {@code dm-0} {@code vg0-root} (26 GiB on {@code sda2} and {@code sdb1}, xfs,
   * {@code /}) and {@code dm-1} {@code vg0-swap} (2 GiB on {@code sda2}, swap).
   */
  public static FakeBlockDevicesBuilder lvmRootSpanningTwoDisks() {
    return FakeBlockDevices.builder()
        .scsiDisk("sda", GiB(20))
        .partition(1, GiB(1))
        .partition(2, GiB(19) - MiB(2))
        .done()
        .scsiDisk("sdb", GiB(10))
        .partition(1, GiB(10) - MiB(2))
        .done()
        .lvmVolume("vg0", "root", GiB(26), "sda2", "sdb1")
        .lvmVolume("vg0", "swap", GiB(2), "sda2")
        .mount("/", "vg0-root", "xfs")
        .mount("/boot", "sda1", "xfs")
        .swap("vg0-swap", -2);
  }

  /**
   * Software RAID1 on two disks. {@code sda} and {@code sdb} (20 GiB each) each with partition 1
   * (18 GiB) and partition 2 (1 GiB); {@code md0} = RAID1 of {@code sda1}+{@code sdb1} (ext4,
   * {@code /}); {@code md1} = RAID1 of {@code sda2}+{@code sdb2} (ext4, {@code /boot}).
   */
  public static FakeBlockDevicesBuilder mdRaid1Root() {
    return FakeBlockDevices.builder()
        .scsiDisk("sda", GiB(20))
        .partition(1, GiB(18))
        .partition(2, GiB(1))
        .done()
        .scsiDisk("sdb", GiB(20))
        .partition(1, GiB(18))
        .partition(2, GiB(1))
        .done()
        .mdArray("md0", MdLevel.RAID1, "sda1", "sdb1")
        .mdArray("md1", MdLevel.RAID1, "sda2", "sdb2")
        .mount("/", "md0", "ext4")
        .mount("/boot", "md1", "ext4");
  }

  /**
   * A SAN-attached server. Root disk {@code sda} (30 GiB, SCSI 0:0:0:0) with {@code sda1} (xfs,
   * {@code /}); {@code sdb} (1:0:0:1) and {@code sdc} (2:0:0:1) are two paths to one 100 GiB NetApp
   * LUN ({@code NETAPP}/{@code LUN C-Mode}); {@code dm-0} is multipath map {@code mpatha} (uuid
   * {@code mpath-3600a098038303053453f463045727a41}) over both, and {@code dm-1} is its kpartx
   * partition {@code mpatha1} (uuid {@code part1-mpath-...}, xfs, {@code /data}).
   */
  public static FakeBlockDevicesBuilder multipathData() {
    String wwid = "3600a098038303053453f463045727a41";
    return FakeBlockDevices.builder()
        .scsiDisk("sda", GiB(30))
        .partition(1, GiB(30) - MiB(2))
        .done()
        .scsiDisk("sdb", GiB(100))
        .vendor("NETAPP")
        .model("LUN C-Mode")
        .scsiAddress(1, 0, 0, 1)
        .done()
        .scsiDisk("sdc", GiB(100))
        .vendor("NETAPP")
        .model("LUN C-Mode")
        .scsiAddress(2, 0, 0, 1)
        .done()
        .multipath("mpatha", wwid, "sdb", "sdc")
        .dmPartition("mpatha", 1, MiB(1), GiB(100) - MiB(2))
        .mount("/", "sda1", "xfs")
        .mount("/data", "mpatha1", "xfs");
  }

  /**
   * A file system on a disk without a partition table, like the machine the testkit was written on:
   * {@code vda} (256 GiB, serial {@code overlayblk}) holds ext4 mounted at {@code /}; unbound
   * {@code loop0}-{@code loop7} and an uninitialized {@code zram0} (all size 0).
   */
  public static FakeBlockDevicesBuilder wholeDiskFilesystem() {
    FakeBlockDevicesBuilder builder = FakeBlockDevices.builder();
    for (int i = 0; i < 8; i++) {
      builder.loop(i);
    }
    return builder
        .virtioDisk("vda", GiB(256))
        .serial("overlayblk")
        .done()
        .zram(0, 0)
        .mount("/", "vda", "ext4");
  }

  /**
   * One real disk among block devices that are not disks. {@code sda} (40 GiB) with {@code sda1}
   * (ext4, {@code /}); {@code loop0} bound read-only to a snap and mounted (squashfs, {@code
   * /snap/core22/1380}); {@code loop1} bound to an image, not mounted; {@code loop2} bound to
   * {@code /home/alice/disk image.iso} and mounted at {@code /mnt/disk image} (iso9660, written
   * {@code \040} in mountinfo); {@code loop3} unbound (size 0); {@code zram0} (4 GiB, swap,
   * priority 100); {@code sr0} (empty QEMU DVD drive, removable); {@code ram0} (64 MiB).
   */
  public static FakeBlockDevicesBuilder noise() {
    return FakeBlockDevices.builder()
        .readOnlyLoop(0, "/var/lib/snapd/snaps/core22_1380.snap", sectors(151976))
        .loop(1, "/var/lib/libvirt/images/scratch.img", GiB(2))
        .loop(2, "/home/alice/disk image.iso", MiB(700))
        .loop(3)
        .scsiDisk("sda", GiB(40))
        .partition(1, GiB(40) - MiB(2))
        .done()
        .cdrom("sr0")
        .zram(0, GiB(4))
        .ramDisk(0, MiB(64))
        .mount("/", "sda1", "ext4")
        .mount("/snap/core22/1380", "loop0", "squashfs")
        .mount("/mnt/disk image", "loop2", "iso9660")
        .swap("zram0", 100);
  }

  /**
   * Inside a Docker container: {@code /} is an overlay (an anonymous {@code 0:N} device), so no
   * disk backs the root. The host's {@code vda} (20 GiB) with {@code vda1} (ext4) is visible and
   * provides only the bind-mounted {@code /etc/hosts}, {@code /etc/hostname} and {@code
   * /etc/resolv.conf} (mountinfo root {@code /var/lib/docker/containers/<id>/...}).
   */
  public static FakeBlockDevicesBuilder overlayRoot() {
    String container =
        "/var/lib/docker/containers/"
            + "8d1f3c5b7a9e2d4f6b8a0c2e4f6a8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e";
    return FakeBlockDevices.builder()
        .virtioDisk("vda", GiB(20))
        .partition(1, GiB(20) - MiB(2))
        .done()
        .overlayRoot()
        .bindMount("/etc/resolv.conf", "vda1", "ext4", container + "/resolv.conf")
        .bindMount("/etc/hostname", "vda1", "ext4", container + "/hostname")
        .bindMount("/etc/hosts", "vda1", "ext4", container + "/hosts");
  }

  /**
   * A Xen paravirtual guest (an older EC2 instance type): {@code xvda} (8 GiB, 202:0) with {@code
   * xvda1} (ext4, {@code /}), and {@code xvdb} (2 GiB, 202:16) used whole as swap.
   */
  public static FakeBlockDevicesBuilder xenWithSwapDisk() {
    return FakeBlockDevices.builder()
        .xenDisk("xvda", GiB(8))
        .partition(1, GiB(8) - MiB(2))
        .done()
        .xenDisk("xvdb", GiB(2))
        .done()
        .mount("/", "xvda1", "ext4")
        .swap("xvdb", -2);
  }

  /**
   * Ubuntu's encrypted LVM install: {@code vda} (30 GiB) with {@code vda1} (1 GiB, vfat, {@code
   * /boot/efi}), {@code vda2} (2 GiB, ext4, {@code /boot}) and {@code vda3} (LUKS2); {@code dm-0}
   * is dm-crypt mapping {@code dm_crypt-0} on {@code vda3} and the PV of volume group {@code
   * ubuntu-vg}; {@code dm-1} is {@code ubuntu--vg-ubuntu--lv} (20 GiB, ext4, {@code /}).
   */
  public static FakeBlockDevicesBuilder encryptedLvmRoot() {
    return FakeBlockDevices.builder()
        .virtioDisk("vda", GiB(30))
        .partition(1, GiB(1))
        .partition(2, GiB(2))
        .partition(3, GiB(27) - MiB(3))
        .done()
        .crypt("dm_crypt-0", "vda3")
        .lvmVolume("ubuntu-vg", "ubuntu-lv", GiB(20), "dm_crypt-0")
        .mount("/", "ubuntu--vg-ubuntu--lv", "ext4")
        .mount("/boot", "vda2", "ext4")
        .mount("/boot/efi", "vda1", "vfat");
  }
}
