package dev.mgnagent.disk;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A partition of a {@link Disk}.
 *
 * @param name the kernel name, such as {@code vda1} or {@code nvme0n1p1}
 * @param path the device path on the host, such as {@code /dev/vda1}
 * @param majorMinor the device number, such as {@code 254:1}
 * @param number the partition number from sysfs {@code partition}
 * @param startSector the first 512-byte sector on the disk; empty for device-mapper partitions of a
 *     multipath map, whose offset sysfs does not show
 * @param sizeBytes the size in bytes
 * @param mountPoints where this partition is mounted directly
 * @param holders paths of stacked devices built on it, such as {@code /dev/dm-0} or {@code
 *     /dev/md0}
 */
public record Partition(
    String name,
    String path,
    String majorMinor,
    int number,
    OptionalLong startSector,
    long sizeBytes,
    List<String> mountPoints,
    List<String> holders) {

  public Partition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(majorMinor, "majorMinor");
    Objects.requireNonNull(startSector, "startSector");
    mountPoints = List.copyOf(mountPoints);
    holders = List.copyOf(holders);
  }
}
