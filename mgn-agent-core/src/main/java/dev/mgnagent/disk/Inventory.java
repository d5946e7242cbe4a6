package dev.mgnagent.disk;

import dev.mgnagent.Warning;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DiskInventory#read()} found: the replicable disks in kernel order, the stacked
 * devices on them, and warnings about what could not be read.
 *
 * @param disks the disks MGN can replicate, sorted by kernel name
 * @param stackedDevices LVM, dm-crypt, md and other stacked devices, sorted by kernel name
 * @param blockDevices every block device of the host, disks included, sorted by kernel name
 * @param warnings what was skipped or could not be decided
 */
public record Inventory(
    List<Disk> disks,
    List<StackedDevice> stackedDevices,
    List<BlockDevice> blockDevices,
    List<Warning> warnings) {

  public Inventory {
    disks = List.copyOf(Objects.requireNonNull(disks, "disks"));
    stackedDevices = List.copyOf(Objects.requireNonNull(stackedDevices, "stackedDevices"));
    blockDevices = List.copyOf(Objects.requireNonNull(blockDevices, "blockDevices"));
    warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
  }

  /** The block device with this kernel name, whatever it is. */
  public Optional<BlockDevice> blockDevice(String name) {
    return blockDevices.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /**
   * The disks that back {@code /}: none when root is not on a block device, several for a spanned
   * root.
   */
  public List<Disk> rootDisks() {
    return disks.stream().filter(Disk::root).toList();
  }

  /** The disks that back {@code /boot}. */
  public List<Disk> bootDisks() {
    return disks.stream().filter(Disk::boot).toList();
  }

  /** The disk with this kernel name. */
  public Optional<Disk> disk(String name) {
    return disks.stream().filter(d -> d.name().equals(name)).findFirst();
  }
}
