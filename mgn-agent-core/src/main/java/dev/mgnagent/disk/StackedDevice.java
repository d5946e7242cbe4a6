package dev.mgnagent.disk;

import java.util.List;
import java.util.Objects;

/**
 * A block device built on other block devices: an LVM logical volume, a dm-crypt mapping, a
 * partition of a multipath map, or an md RAID array. MGN replicates the disks under it, never the
 * stacked device itself.
 *
 * @param name the kernel name, such as {@code dm-0} or {@code md0}
 * @param path the friendliest device path: {@code /dev/mapper/<dm name>} or {@code /dev/md0}
 * @param majorMinor the device number
 * @param type what builds it
 * @param sizeBytes the size in bytes
 * @param mountPoints where it is mounted directly
 * @param diskNames the names of the whole {@link Disk}s it rests on, in inventory order
 */
public record StackedDevice(
    String name,
    String path,
    String majorMinor,
    StackedDeviceType type,
    long sizeBytes,
    List<String> mountPoints,
    List<String> diskNames) {

  public StackedDevice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(majorMinor, "majorMinor");
    Objects.requireNonNull(type, "type");
    mountPoints = List.copyOf(mountPoints);
    diskNames = List.copyOf(diskNames);
  }
}
