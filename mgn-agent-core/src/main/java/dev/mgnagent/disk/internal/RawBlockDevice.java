package dev.mgnagent.disk.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The text of one block device's sysfs files, as read, before any parsing: the split between
 * reading the kernel's files and making sense of them.
 *
 * @param name the kernel name ({@code sda}, {@code sda1}, {@code dm-0})
 * @param sysfsPath where it was read, relative to the host root, for messages ({@code
 *     sys/block/sda})
 * @param files file contents by path relative to the device directory ({@code size}, {@code
 *     device/model}, {@code dm/uuid}); a file that does not exist is absent
 * @param unreadable files that exist but could not be read
 * @param slaves names in {@code slaves/}; {@code holders/} is not read, since the kernel keeps it
 *     the exact inverse of the stacked devices' {@code slaves/}
 * @param partitions the partition subdirectories (each with a {@code partition} file)
 */
record RawBlockDevice(
    String name,
    String sysfsPath,
    Map<String, String> files,
    Set<String> unreadable,
    List<String> slaves,
    List<RawBlockDevice> partitions) {

  RawBlockDevice {
    files = Map.copyOf(files);
    unreadable = Set.copyOf(unreadable);
    slaves = List.copyOf(slaves);
    partitions = List.copyOf(partitions);
  }

  Optional<String> file(String relative) {
    return Optional.ofNullable(files.get(relative));
  }

  /** A file's content without surrounding white space; empty when absent or blank. */
  Optional<String> trimmed(String relative) {
    return file(relative).map(String::strip).filter(s -> !s.isEmpty());
  }
}
