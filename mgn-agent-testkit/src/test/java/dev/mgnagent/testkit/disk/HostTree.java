package dev.mgnagent.testkit.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a written tree the way an independent reader would (listing directories, following links),
 * so the structural tests check the files rather than the builder's model.
 */
final class HostTree {

  final Path root;

  HostTree(Path root) {
    this.root = root;
  }

  /** Every entry of a directory under the root, sorted by name. */
  List<Path> list(String relative) {
    Path dir = root.resolve(relative);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Name to real directory of every device in {@code sys/class/block}. */
  Map<String, Path> devices() {
    Map<String, Path> out = new LinkedHashMap<>();
    for (Path link : list("sys/class/block")) {
      out.put(link.getFileName().toString(), real(link));
    }
    return out;
  }

  /** The real path of {@code path}, following links. */
  static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The real root. */
  Path realRoot() {
    return real(root);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(String relative) {
    return read(root.resolve(relative));
  }

  static long number(Path file) {
    return Long.parseLong(read(file).trim());
  }

  static String link(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String link(String relative) {
    return link(root.resolve(relative));
  }

  /** Partition directories (those holding a {@code partition} file) of a disk directory. */
  static List<Path> partitionDirs(Path diskDir) {
    try (Stream<Path> entries = Files.list(diskDir)) {
      return entries
          .filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p))
          .filter(p -> Files.isRegularFile(p.resolve("partition")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Value of {@code KEY=} in a uevent file. */
  static Optional<String> uevent(Path deviceDir, String key) {
    for (String line : read(deviceDir.resolve("uevent")).split("\n")) {
      if (line.startsWith(key + "=")) {
        return Optional.of(line.substring(key.length() + 1));
      }
    }
    return Optional.empty();
  }

  /** The lines of {@code proc/self/mountinfo}, each split into fields. */
  List<String[]> mountinfo() {
    List<String[]> out = new ArrayList<>();
    for (String line : read("proc/self/mountinfo").split("\n")) {
      out.add(line.split(" "));
    }
    return out;
  }

  /** Every symlink anywhere in the tree, not following links while walking. */
  List<Path> allSymlinks() {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isSymbolicLink).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Undoes the kernel's octal escapes in mountinfo fields. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\'
          && i + 3 < field.length()
          && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
