package dev.mgnagent.testkit.installer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The fake installer's own idea of the host's disks, read from the kernel's files under the host
 * tree with rules of its own (not mgn-agent's): a disk is an entry of {@code sys/block} that is not
 * a loop, RAM, optical, floppy, zram, device-mapper or md device and has a size; its partitions are
 * its sub-directories with a {@code partition} file; the root disk is found through the {@code /}
 * line of {@code proc/self/mountinfo} and {@code sys/dev/block}, down through {@code slaves/} for
 * stacked devices; alias names are the symbolic links directly under {@code dev/} that lead to a
 * disk. The installer's documented rules are applied here: the root disk is always replicated, and
 * a partition stands for its whole disk.
 */
final class HostDisks {

  private static final List<String> NOT_DISKS =
      List.of("loop", "ram", "zram", "sr", "fd", "dm-", "md");

  /** One disk: its kernel name, size and the alias names that lead to it. */
  record HostDisk(String name, long bytes, List<String> aliases) {}

  private final Path root;
  private final Map<String, HostDisk> disks = new LinkedHashMap<>();
  private final Map<String, String> partitionOf = new LinkedHashMap<>();
  private final Set<String> rootDisks = new LinkedHashSet<>();

  private HostDisks(Path root) {
    this.root = root;
  }

  static HostDisks read(Path root) throws IOException {
    HostDisks h = new HostDisks(root);
    h.scan();
    return h;
  }

  List<HostDisk> disks() {
    return List.copyOf(disks.values());
  }

  Set<String> rootDisks() {
    return Set.copyOf(rootDisks);
  }

  /** The listing of the disk prompt: each disk's alias names, then its kernel name. */
  List<String> listing() {
    List<String> names = new ArrayList<>();
    for (HostDisk d : disks.values()) {
      d.aliases().forEach(a -> names.add("/dev/" + a));
      names.add("/dev/" + d.name());
    }
    return names;
  }

  /** The disk a path the user typed leads to (a partition leads to its disk); empty if none. */
  Optional<HostDisk> resolve(String path) {
    if (!path.startsWith("/dev/")) {
      return Optional.empty();
    }
    Path p = root.resolve("dev").resolve(path.substring("/dev/".length())).normalize();
    for (int hop = 0; hop < 16 && Files.isSymbolicLink(p); hop++) {
      try {
        p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    String name = p.getFileName().toString();
    String disk = partitionOf.getOrDefault(name, name);
    return Optional.ofNullable(disks.get(disk));
  }

  private void scan() throws IOException {
    Path block = root.resolve("sys/block");
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(block)) {
      try (Stream<Path> entries = Files.list(block)) {
        entries
            .map(e -> e.getFileName().toString())
            .sorted(HostDisks::naturalOrder)
            .forEach(names::add);
      }
    }
    Map<String, List<String>> aliases = aliases();
    for (String name : names) {
      Path dir = block.resolve(name);
      for (String child : children(dir)) {
        if (Files.exists(dir.resolve(child).resolve("partition"))) {
          partitionOf.put(child, name);
        }
      }
      if (NOT_DISKS.stream().anyMatch(name::startsWith)) {
        continue;
      }
      long sectors = number(dir.resolve("size"));
      if (sectors <= 0) {
        continue;
      }
      disks.put(name, new HostDisk(name, sectors * 512, aliases.getOrDefault(name, List.of())));
    }
    rootDevice().ifPresent(this::addRootDisks);
  }

  private void addRootDisks(String device) {
    String name = partitionOf.getOrDefault(device, device);
    if (disks.containsKey(name)) {
      rootDisks.add(name);
      return;
    }
    Path slaves = root.resolve("sys/block").resolve(name).resolve("slaves");
    for (String slave : children(slaves)) {
      addRootDisks(slave);
    }
  }

  /** The kernel name of the device mounted at {@code /}, from mountinfo's major:minor. */
  private Optional<String> rootDevice() throws IOException {
    Path mountinfo = root.resolve("proc/self/mountinfo");
    if (!Files.isRegularFile(mountinfo)) {
      return Optional.empty();
    }
    String number = null;
    for (String line : Files.readAllLines(mountinfo)) {
      String[] f = line.split(" ");
      if (f.length > 4 && f[4].equals("/")) {
        number = f[2];
      }
    }
    if (number == null) {
      return Optional.empty();
    }
    Path link = root.resolve("sys/dev/block").resolve(number);
    if (!Files.isSymbolicLink(link)) {
      return Optional.empty();
    }
    return Optional.of(Files.readSymbolicLink(link).getFileName().toString());
  }

  private Map<String, List<String>> aliases() throws IOException {
    Map<String, List<String>> aliases = new LinkedHashMap<>();
    Path dev = root.resolve("dev");
    if (!Files.isDirectory(dev)) {
      return aliases;
    }
    try (Stream<Path> entries = Files.list(dev)) {
      for (Path entry : entries.sorted().toList()) {
        if (Files.isSymbolicLink(entry)) {
          String target = Files.readSymbolicLink(entry).getFileName().toString();
          aliases
              .computeIfAbsent(target, k -> new ArrayList<>())
              .add(entry.getFileName().toString());
        }
      }
    }
    return aliases;
  }

  private static List<String> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(e -> e.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long number(Path file) {
    try {
      return Long.parseLong(Files.readString(file).strip());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /**
   * {@code sda} before {@code sdb} before {@code sdaa}; {@code nvme2n1} before {@code nvme10n1}.
   */
  private static int naturalOrder(String a, String b) {
    String pa = a.replaceAll("\\d+", "");
    String pb = b.replaceAll("\\d+", "");
    if (a.length() != b.length() && pa.equals(pb)) {
      return Integer.compare(a.length(), b.length());
    }
    return a.compareTo(b);
  }
}
