package dev.mgnagent.disk;

import java.util.List;
import java.util.Objects;

/**
 * Any block device of the host, as {@code /sys/class/block} lists it, with what it is to MGN: a
 * disk, something on disks (a partition, an LV, an md array), one path of a multipath map, or a
 * device that is never replicated. Used to turn a path a person typed into the disks it means.
 *
 * @param name the kernel name ({@code sda1}, {@code dm-0}, {@code sr0})
 * @param path the friendliest device path ({@code /dev/sda1}, {@code /dev/mapper/vg0-root})
 * @param role what the device is to MGN
 * @param sizeBytes its size in bytes; 0 for devices left out before their size was read
 * @param diskNames the names of the {@link Disk}s it is or rests on, in inventory order; empty for
 *     devices that are never replicated
 */
public record BlockDevice(
    String name, String path, BlockDeviceRole role, long sizeBytes, List<String> diskNames) {

  public BlockDevice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(role, "role");
    diskNames = List.copyOf(diskNames);
  }
}
