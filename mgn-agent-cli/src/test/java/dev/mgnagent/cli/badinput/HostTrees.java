package dev.mgnagent.cli.badinput;

import dev.mgnagent.testkit.disk.FakeBlockDevices;
import dev.mgnagent.testkit.disk.FakeBlockDevicesBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The named {@code --host-root} trees of the corpus: a healthy one ({@code standard}) and truncated
 * or hostile ones, each of which leaves no usable disk.
 */
final class HostTrees {

  private static final long GIB = 1L << 30;

  /** Every name {@link #build} knows. */
  static final Set<String> NAMES =
      Set.of(
          "standard",
          "empty",
          "sys-is-a-file",
          "sys-block-is-a-file",
          "sys-block-loop",
          "disk-dir-loop",
          "disk-is-a-file",
          "size-negative",
          "size-huge",
          "size-overflow",
          "size-zero",
          "size-garbage",
          "size-is-a-directory",
          "size-is-a-fifo",
          "size-binary",
          "size-too-large",
          "dev-garbage",
          "dev-missing",
          "only-non-disks",
          "dev-outside-tree",
          "mountinfo-is-a-fifo");

  private HostTrees() {}

  /** The standard tree: sda (root, /boot), nvme0n1 (alias xvdf), sdb, and non-disks. */
  static FakeBlockDevicesBuilder standard() {
    return FakeBlockDevices.builder()
        .scsiDisk("sda", 20 * GIB)
        .partition(1, GIB)
        .partition(2, 18 * GIB)
        .done()
        .nvmeDisk("nvme0n1", 50 * GIB)
        .alias("xvdf")
        .partition(1, 49 * GIB)
        .done()
        .scsiDisk("sdb", 30 * GIB)
        .done()
        .cdrom("sr0")
        .loop(0)
        .mount("/", "sda2", "ext4")
        .mount("/boot", "sda1", "ext4");
  }

  /** A tree whose only disk is sda, with one partition holding /. */
  private static FakeBlockDevicesBuilder oneDisk() {
    return FakeBlockDevices.builder()
        .scsiDisk("sda", 20 * GIB)
        .partition(1, 19 * GIB)
        .done()
        .mount("/", "sda1", "ext4");
  }

  static Path build(String name, Path directory) {
    try {
      return switch (name) {
        case "standard" -> {
          Path root = standard().writeTo(directory);
          // a /dev alias and a /dev directory leading outside the tree
          Files.createSymbolicLink(root.resolve("dev/escape"), Path.of("/../../../etc/hostname"));
          Files.createSymbolicLink(root.resolve("dev/outside"), Path.of("/"));
          Files.createSymbolicLink(root.resolve("dev/loopy"), Path.of("loopy"));
          Files.createSymbolicLink(root.resolve("dev/ping"), Path.of("pong"));
          Files.createSymbolicLink(root.resolve("dev/pong"), Path.of("ping"));
          Files.writeString(root.resolve("dev/null-file"), "");
          yield root;
        }
        case "empty" -> Files.createDirectories(directory);
        case "sys-is-a-file" -> {
          Files.createDirectories(directory);
          Files.writeString(directory.resolve("sys"), "not a directory");
          yield directory;
        }
        case "sys-block-is-a-file" -> {
          Files.createDirectories(directory.resolve("sys"));
          Files.writeString(directory.resolve("sys/block"), "not a directory");
          yield directory;
        }
        case "sys-block-loop" -> {
          Files.createDirectories(directory.resolve("sys"));
          Files.createSymbolicLink(directory.resolve("sys/block"), Path.of("block"));
          yield directory;
        }
        case "disk-dir-loop" -> {
          Files.createDirectories(directory.resolve("sys/block"));
          Files.createSymbolicLink(directory.resolve("sys/block/sda"), Path.of("sdb"));
          Files.createSymbolicLink(directory.resolve("sys/block/sdb"), Path.of("sda"));
          Files.createSymbolicLink(directory.resolve("sys/block/sdc"), Path.of("sdc/.."));
          yield directory;
        }
        case "disk-is-a-file" -> {
          Files.createDirectories(directory.resolve("sys/block"));
          Files.writeString(directory.resolve("sys/block/sda"), "8:0\n");
          yield directory;
        }
        case "size-negative" ->
            oneDisk().corruptFile("sys/block/sda/size", "-41943040\n").writeTo(directory);
        case "size-huge" ->
            oneDisk()
                .corruptFile("sys/block/sda/size", "99999999999999999999999999999999\n")
                .writeTo(directory);
        case "size-overflow" ->
            oneDisk().corruptFile("sys/block/sda/size", "9223372036854775807\n").writeTo(directory);
        case "size-zero" -> oneDisk().corruptFile("sys/block/sda/size", "0\n").writeTo(directory);
        case "size-garbage" ->
            oneDisk().corruptFile("sys/block/sda/size", "1e9\n").writeTo(directory);
        case "size-binary" ->
            oneDisk().corruptFile("sys/block/sda/size", "\u0000\u0001\uffff").writeTo(directory);
        case "size-too-large" ->
            oneDisk().corruptFile("sys/block/sda/size", "4".repeat(70_000)).writeTo(directory);
        case "size-is-a-directory" -> {
          Path root = oneDisk().remove("sys/block/sda/size").writeTo(directory);
          Files.createDirectories(root.resolve("sys/block/sda/size"));
          yield root;
        }
        case "size-is-a-fifo" -> {
          Path root = oneDisk().remove("sys/block/sda/size").writeTo(directory);
          mkfifo(root.resolve("sys/block/sda/size"));
          yield root;
        }
        case "dev-garbage" ->
            oneDisk().corruptFile("sys/block/sda/dev", "eight:zero\n").writeTo(directory);
        case "dev-missing" -> oneDisk().remove("sys/block/sda/dev").writeTo(directory);
        case "only-non-disks" ->
            FakeBlockDevices.builder()
                .cdrom("sr0")
                .loop(0)
                .zram(0, GIB)
                .ramDisk(0, GIB)
                .scsiDisk("sda", 20 * GIB)
                .partition(1, 19 * GIB)
                .done()
                .mount("/", "sda1", "ext4")
                .corruptFile("sys/block/sda/size", "0\n")
                .writeTo(directory);
        case "dev-outside-tree" -> {
          // the only disk's sysfs directory is a link to a (healthy) disk of another tree
          Path elsewhere =
              oneDisk().writeTo(directory.resolveSibling(directory.getFileName() + "-elsewhere"));
          Path root = oneDisk().writeTo(directory);
          deleteTree(root.resolve("sys/block/sda"));
          Files.createSymbolicLink(
              root.resolve("sys/block/sda"), elsewhere.resolve("sys/block/sda").toRealPath());
          yield root;
        }
        case "mountinfo-is-a-fifo" -> {
          Path root = oneDisk().remove("sys/block/sda/size").writeTo(directory);
          mkfifo(root.resolve("sys/block/sda/size"));
          Files.delete(root.resolve("proc/self/mountinfo"));
          mkfifo(root.resolve("proc/self/mountinfo"));
          yield root;
        }
        default -> throw new IllegalArgumentException("no tree named " + name);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mkfifo(Path path) throws IOException {
    try {
      Process p = new ProcessBuilder(List.of("mkfifo", path.toString())).inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IOException("mkfifo failed for " + path);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (var children = Files.list(path)) {
        for (Path child : children.toList()) {
          deleteTree(child);
        }
      }
    }
    Files.delete(path);
  }
}
