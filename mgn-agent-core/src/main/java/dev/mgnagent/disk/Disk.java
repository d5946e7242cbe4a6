package dev.mgnagent.disk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole block device that MGN can replicate: a physical or virtual disk, or a multipath map
 * (which stands for all of its paths).
 *
 * @param name the kernel name, such as {@code vda}, {@code nvme0n1} or {@code dm-2}
 * @param path the device path on the host, such as {@code /dev/vda} or {@code /dev/mapper/mpatha}
 * @param majorMinor the device number as the kernel writes it, such as {@code 254:0}
 * @param sizeBytes the size in bytes (sysfs gives 512-byte sectors)
 * @param model the model string, when the device reports one
 * @param vendor the vendor string, when the device reports one
 * @param serial the serial number, when the device reports one
 * @param removable whether the kernel flags the medium as removable
 * @param readOnly whether the device is read-only
 * @param kind what kind of disk this is
 * @param partitions the partitions on the disk, in kernel order
 * @param mountPoints where the whole disk is mounted directly (a file system without a partition
 *     table)
 * @param holders paths of stacked devices built directly on the whole disk (LVM, md, multipath)
 * @param root whether this disk backs the root file system {@code /}
 * @param boot whether this disk backs {@code /boot} (the root disk when {@code /boot} is not
 *     separate)
 */
public record Disk(
    String name,
    String path,
    String majorMinor,
    long sizeBytes,
    Optional<String> model,
    Optional<String> vendor,
    Optional<String> serial,
    boolean removable,
    boolean readOnly,
    DiskKind kind,
    List<Partition> partitions,
    List<String> mountPoints,
    List<String> holders,
    boolean root,
    boolean boot) {

  public Disk {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(majorMinor, "majorMinor");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(kind, "kind");
    partitions = List.copyOf(partitions);
    mountPoints = List.copyOf(mountPoints);
    holders = List.copyOf(holders);
  }
}
