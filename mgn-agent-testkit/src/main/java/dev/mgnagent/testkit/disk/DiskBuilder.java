package dev.mgnagent.testkit.disk;

import dev.mgnagent.testkit.disk.internal.BlockNode;
import dev.mgnagent.testkit.disk.internal.BlockTree;
import dev.mgnagent.testkit.disk.internal.DeviceKind;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Describes one whole disk of a {@link FakeBlockDevicesBuilder}: its partitions, identity and
 * {@code /dev} names. The disk already exists when you get this object; {@link #done()} returns to
 * the tree. Settings a real driver cannot report are refused (a virtio disk has no model, a SCSI
 * disk no sysfs serial), so a test cannot build a disk no kernel would show.
 *
 * <pre>{@code
 * builder.scsiDisk("sda", GiB(20))
 *     .partition(1, GiB(1))          // sda1, 8:1, starts at 1 MiB
 *     .partition(2, GiB(18))         // sda2, 8:2, starts right after sda1 (1 MiB aligned)
 *     .byId("scsi-0QEMU_QEMU_HARDDISK_drive-scsi0-0-0-0")
 *     .done()
 * }</pre>
 */
public final class DiskBuilder {

  private static final Pattern DEV_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final Pattern BY_ID = Pattern.compile("[A-Za-z0-9._:+@-]+");

  private final FakeBlockDevicesBuilder parent;
  private final BlockTree tree;
  private final BlockNode disk;

  DiskBuilder(FakeBlockDevicesBuilder parent, BlockTree tree, BlockNode disk) {
    this.parent = parent;
    this.tree = tree;
    this.disk = disk;
  }

  /**
   * Adds partition {@code number} of {@code sizeBytes}, starting 1 MiB aligned after the partition
   * that currently ends last (at 1 MiB for the first).
   *
   * @throws IllegalArgumentException if it overlaps another partition, runs past the end of the
   *     disk, reuses a number, or the size is not a whole number of 512-byte sectors
   */
  public DiskBuilder partition(int number, long sizeBytes) {
    return partition(number, tree.nextPartitionStartBytes(disk), sizeBytes);
  }

  /**
   * Adds partition {@code number} at byte offset {@code startBytes} for {@code sizeBytes}.
   * Partitions 1-15 of sd, vd and xvd disks get the minors after the disk's; NVMe partitions, and
   * higher numbers, get the next blkext (259) minor, as the kernel does.
   *
   * @throws IllegalArgumentException as for {@link #partition(int, long)}
   */
  public DiskBuilder partition(int number, long startBytes, long sizeBytes) {
    tree.addPartition(disk, number, startBytes, sizeBytes);
    return this;
  }

  /**
   * Sets a SCSI disk's INQUIRY vendor (at most 8 characters; sysfs pads it with spaces). Defaults
   * to {@code QEMU}.
   */
  public DiskBuilder vendor(String vendor) {
    only("a vendor", DeviceKind.SCSI_DISK);
    disk.vendor(scsiField(vendor, 8));
    return this;
  }

  /**
   * Sets the model: a SCSI disk's INQUIRY product (at most 16 characters, padded in sysfs; default
   * {@code QEMU HARDDISK}), or an NVMe controller's model (default {@code QEMU NVMe Ctrl}; shared
   * by the controller's namespaces).
   */
  public DiskBuilder model(String model) {
    only("a model", DeviceKind.SCSI_DISK, DeviceKind.NVME);
    if (disk.kind() == DeviceKind.NVME) {
      tree.nvmeModel(disk, text(model, 40));
    } else {
      disk.model(scsiField(model, 16));
    }
    return this;
  }

  /**
   * Sets the serial: a virtio disk's {@code serial} (without a serial the file is empty, as on
   * QEMU) or an NVMe controller's {@code serial} (shared by its namespaces). A virtio serial also
   * makes udev's {@code /dev/disk/by-id/virtio-<serial>} link.
   */
  public DiskBuilder serial(String serial) {
    only("a serial", DeviceKind.VIRTIO, DeviceKind.NVME);
    if (disk.kind() == DeviceKind.NVME) {
      tree.nvmeSerial(disk, text(serial, 20));
    } else {
      disk.serial(text(serial, 20));
    }
    return this;
  }

  /**
   * Sets a SCSI disk's {@code device/wwid}, such as {@code naa.600a098038303053453f463045727a41}.
   */
  public DiskBuilder wwid(String wwid) {
    only("a wwid", DeviceKind.SCSI_DISK);
    disk.wwid(text(wwid, 256));
    return this;
  }

  /**
   * Puts a SCSI disk at {@code host:channel:target:lun} (the default is host 0, channel 0, the next
   * free target, lun 0). Two paths to one LUN sit on different hosts.
   *
   * @throws IllegalArgumentException if the address is taken or out of the supported range
   */
  public DiskBuilder scsiAddress(int host, int channel, int target, int lun) {
    only("a SCSI address", DeviceKind.SCSI_DISK);
    tree.placeScsi(disk, host, channel, target, lun);
    return this;
  }

  /**
   * Adds udev link {@code /dev/disk/by-id/<id>}; each partition gets {@code <id>-part<N>}. NVMe and
   * virtio disks already get the links udev derives from their model and serial.
   */
  public DiskBuilder byId(String id) {
    if (!BY_ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
      throw new IllegalArgumentException("not a by-id name: '" + id + "'");
    }
    disk.addById(id);
    return this;
  }

  /**
   * Adds {@code /dev/<alias>} pointing at the disk, and {@code /dev/<alias><N>} at each partition,
   * as Amazon Linux's udev rules do for {@code /dev/xvda -> nvme0n1}.
   */
  public DiskBuilder alias(String alias) {
    if (!DEV_NAME.matcher(Objects.requireNonNull(alias, "alias")).matches()) {
      throw new IllegalArgumentException("not a plain /dev name: '" + alias + "'");
    }
    tree.nodes().stream()
        .filter(n -> n.name().equals(alias))
        .findAny()
        .ifPresent(
            n -> {
              throw new IllegalArgumentException("/dev/" + alias + " is already a device node");
            });
    disk.addAlias(alias);
    return this;
  }

  /** Marks the disk read-only ({@code ro} is 1). */
  public DiskBuilder readOnly() {
    disk.readOnly(true);
    return this;
  }

  /** Marks the medium removable ({@code removable} is 1), as for a USB stick. */
  public DiskBuilder removable() {
    disk.removable(true);
    return this;
  }

  /** The kernel name of this disk, such as {@code nvme0n1}. */
  public String name() {
    return disk.name();
  }

  /** Returns to the tree, to add more devices or mounts. */
  public FakeBlockDevicesBuilder done() {
    return parent;
  }

  private void only(String what, DeviceKind... kinds) {
    for (DeviceKind kind : kinds) {
      if (disk.kind() == kind) {
        return;
      }
    }
    throw new IllegalStateException(
        disk.name()
            + " is a "
            + disk.kind()
            + " disk; its driver does not report "
            + what
            + " in sysfs");
  }

  private static String scsiField(String value, int width) {
    text(value, width);
    if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "SCSI INQUIRY fields are printable ASCII: '" + value + "'");
    }
    return value;
  }

  private static String text(String value, int maxLength) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > maxLength || value.contains("\n")) {
      throw new IllegalArgumentException(
          "expected 1 to " + maxLength + " characters on one line, got '" + value + "'");
    }
    return value;
  }
}
