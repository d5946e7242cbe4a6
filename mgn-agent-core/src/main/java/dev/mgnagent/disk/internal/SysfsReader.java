package dev.mgnagent.disk.internal;

import dev.mgnagent.disk.DiskInventoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the text of every block device under {@code sys/block} of a host root. Reading only: the
 * contents are handed to {@link InventoryAssembler} unparsed.
 */
final class SysfsReader {

  /** Files read from a whole device's directory, when present. */
  private static final List<String> DEVICE_FILES =
      List.of(
          "dev", "size", "removable", "ro", "serial",
          "device/model", "device/vendor", "device/serial",
          "dm/name", "dm/uuid", "md/level");

  /** Files read from a partition's directory. */
  private static final List<String> PARTITION_FILES = List.of("dev", "size", "partition", "start");

  /** Sysfs files are one short line; anything larger is not a sysfs attribute. */
  private static final int MAX_FILE_BYTES = 64 * 1024;

  private final Path root;

  SysfsReader(Path root) {
    this.root = root;
  }

  List<RawBlockDevice> readBlockDevices() {
    Path sysBlock = root.resolve("sys/block");
    List<RawBlockDevice> devices = new ArrayList<>();
    for (Path entry : list(sysBlock, true)) {
      if (Files.isDirectory(entry)) {
        devices.add(readDevice(entry, "sys/block/" + entry.getFileName(), DEVICE_FILES, true));
      }
    }
    return devices;
  }

  private RawBlockDevice readDevice(
      Path dir, String sysfsPath, List<String> fileNames, boolean withPartitions) {
    Map<String, String> files = new HashMap<>();
    Set<String> unreadable = new HashSet<>();
    for (String name : fileNames) {
      try {
        files.put(name, readSmallFile(dir.resolve(name)));
      } catch (NoSuchFileException e) {
        // optional attribute: absent
      } catch (IOException e) {
        unreadable.add(name);
      }
    }
    List<RawBlockDevice> partitions = new ArrayList<>();
    if (withPartitions) {
      for (Path child : list(dir, false)) {
        if (!Files.isSymbolicLink(child) && Files.isRegularFile(child.resolve("partition"))) {
          String name = child.getFileName().toString();
          partitions.add(readDevice(child, sysfsPath + "/" + name, PARTITION_FILES, false));
        }
      }
    }
    return new RawBlockDevice(
        dir.getFileName().toString(),
        sysfsPath,
        files,
        unreadable,
        names(dir.resolve("slaves")),
        names(dir.resolve("holders")),
        partitions);
  }

  private static String readSmallFile(Path file) throws IOException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new IOException("larger than a sysfs attribute: " + file);
    }
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static List<String> names(Path dir) {
    return list(dir, false).stream().map(p -> p.getFileName().toString()).sorted().toList();
  }

  private static List<Path> list(Path dir, boolean required) {
    if (!Files.isDirectory(dir)) {
      if (required) {
        throw new DiskInventoryException(
            "cannot list block devices: " + dir + " is not a directory (is sysfs mounted, or is"
                + " --host-root the root of a Linux file system?)",
            dir,
            null);
      }
      return List.of();
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      List<Path> paths = new ArrayList<>();
      stream.forEach(paths::add);
      paths.sort(null);
      return paths;
    } catch (IOException e) {
      if (required) {
        throw new DiskInventoryException(
            "cannot list block devices in " + dir + ": " + e.getMessage(), dir, e);
      }
      return List.of();
    }
  }

  /** The text of {@code proc/self/mountinfo}. */
  String readMountInfo() throws IOException {
    return Files.readString(root.resolve("proc/self/mountinfo"), StandardCharsets.UTF_8);
  }
}
