package dev.mgnagent.disk.internal;

import dev.mgnagent.disk.DiskInventoryException;
import java.io.IOException;
import java.io.InputStream;
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
 *
 * <p>Each device directory is listed once and only files whose directory entry exists are opened,
 * so that a host with thousands of disks is read without an exception per missing attribute.
 */
final class SysfsReader {

  /** Files read from a whole device's directory, when present. */
  private static final List<String> DEVICE_FILES =
      List.of(
          "dev",
          "size",
          "removable",
          "ro",
          "serial",
          "device/model",
          "device/vendor",
          "device/serial",
          "dm/name",
          "dm/uuid",
          "md/level");

  /** Files read from a partition's directory. */
  private static final List<String> PARTITION_FILES = List.of("dev", "size", "partition", "start");

  /** Sysfs attributes are one short line; more than this is not a sysfs attribute. */
  private static final int MAX_FILE_BYTES = 64 * 1024;

  /** A host with tens of thousands of mounts stays below this; more is not a mountinfo file. */
  static final int MAX_MOUNTINFO_BYTES = 16 * 1024 * 1024;

  private final Path root;
  private Path realRoot;

  SysfsReader(Path root) {
    this.root = root;
  }

  List<RawBlockDevice> readBlockDevices() {
    Path sysBlock = root.resolve("sys/block");
    List<RawBlockDevice> devices = new ArrayList<>();
    for (Path entry : list(sysBlock, true)) {
      if (!insideRoot(entry)) {
        continue; // a link out of the tree (or a loop): never read another host's devices
      }
      Set<String> entries = entryNames(entry);
      if (!entries.isEmpty()) {
        String path = "sys/block/" + entry.getFileName();
        devices.add(
            readDevice(entry, entries, path, DEVICE_FILES, partitionsOf(entry, entries, path)));
      }
    }
    return devices;
  }

  private List<RawBlockDevice> partitionsOf(Path disk, Set<String> entries, String sysfsPath) {
    String diskName = disk.getFileName().toString();
    List<RawBlockDevice> partitions = new ArrayList<>();
    for (String name : entries) {
      // The kernel names partitions after their disk (sda1, nvme0n1p1, md0p1) and gives each a
      // `partition` file; their other files always exist, so no listing is needed.
      if (name.startsWith(diskName) && !name.equals(diskName)) {
        Path child = disk.resolve(name);
        if (Files.isRegularFile(child.resolve("partition")) && !Files.isSymbolicLink(child)) {
          partitions.add(
              readDevice(
                  child,
                  Set.copyOf(PARTITION_FILES),
                  sysfsPath + "/" + name,
                  PARTITION_FILES,
                  List.of()));
        }
      }
    }
    partitions.sort((a, b) -> DeviceNameOrder.INSTANCE.compare(a.name(), b.name()));
    return partitions;
  }

  private RawBlockDevice readDevice(
      Path dir,
      Set<String> entries,
      String sysfsPath,
      List<String> fileNames,
      List<RawBlockDevice> partitions) {
    Map<String, String> files = new HashMap<>();
    Set<String> unreadable = new HashSet<>();
    for (String name : fileNames) {
      int slash = name.indexOf('/');
      if (!entries.contains(slash < 0 ? name : name.substring(0, slash))) {
        continue;
      }
      Path file = dir.resolve(name);
      if (Files.exists(file) && !insideRoot(file)) {
        unreadable.add(name); // a link out of the tree: never read a file outside the host root
        continue;
      }
      try {
        files.put(name, readSmallFile(file));
      } catch (NoSuchFileException e) {
        // optional attribute: absent
      } catch (IOException e) {
        unreadable.add(name);
      }
    }
    return new RawBlockDevice(
        dir.getFileName().toString(),
        sysfsPath,
        files,
        unreadable,
        isStacked(entries) ? names(dir.resolve("slaves")) : List.of(),
        partitions);
  }

  /** Whether {@code path}, every link on the way resolved, is still under the host root. */
  private boolean insideRoot(Path path) {
    try {
      return path.toRealPath().startsWith(realRoot());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private Path realRoot() throws IOException {
    if (realRoot == null) {
      realRoot = root.toRealPath();
    }
    return realRoot;
  }

  /** Only device-mapper and md devices rest on others; a disk's {@code slaves/} is empty. */
  private static boolean isStacked(Set<String> entries) {
    return entries.contains("slaves") && (entries.contains("dm") || entries.contains("md"));
  }

  private static String readSmallFile(Path file) throws IOException {
    return readBounded(file, MAX_FILE_BYTES);
  }

  /**
   * The text of {@code file} when it is a regular file (following symlinks) of at most {@code max}
   * bytes. Anything else (a FIFO, which would block the read forever, a device, a directory) is an
   * {@link IOException}.
   */
  private static String readBounded(Path file, int max) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException("not a regular file: " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new IOException("larger than " + max + " bytes: " + file);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** The names in directory {@code dir} (following a symlink to it); empty when it is not one. */
  private static Set<String> entryNames(Path dir) {
    Set<String> names = new HashSet<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      return Set.of();
    }
    return names;
  }

  private static List<String> names(Path dir) {
    return list(dir, false).stream().map(p -> p.getFileName().toString()).toList();
  }

  private static List<Path> list(Path dir, boolean required) {
    if (required && !Files.isDirectory(dir)) {
      throw new DiskInventoryException(
          "cannot list block devices: "
              + dir
              + " is not a directory (is sysfs mounted, or is"
              + " hostRoot the root of a Linux file system?)",
          dir,
          null);
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
    return readBounded(root.resolve("proc/self/mountinfo"), MAX_MOUNTINFO_BYTES);
  }
}
