package dev.mgnagent.testkit.disk.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes plain files, directories and symlinks under a host root. Every path is relative to the
 * root and may not leave it; I/O errors become {@link UncheckedIOException}s that name the path.
 */
public final class TreeFiles {

  private final Path root;

  /** Files under {@code root}, which must be an existing directory. */
  public TreeFiles(Path root) {
    this.root = root;
  }

  /**
   * Files under {@code root}, which must be missing or an empty directory; it is created, and the
   * returned instance's root is absolute.
   */
  public static TreeFiles createRoot(Path root) {
    Path target = root.toAbsolutePath().normalize();
    try {
      if (Files.exists(target)) {
        if (!Files.isDirectory(target)) {
          throw new IllegalArgumentException(target + " is not a directory");
        }
        try (Stream<Path> entries = Files.list(target)) {
          if (entries.findAny().isPresent()) {
            throw new IllegalArgumentException(
                target + " is not empty; write a fake host root into an empty directory");
          }
        }
      }
      Files.createDirectories(target);
      return new TreeFiles(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + target, e);
    }
  }

  /** The host root. */
  public Path root() {
    return root;
  }

  /**
   * Checks that {@code relative} is a plain relative path that stays inside the root, and returns
   * it normalized.
   */
  public static Path checkRelative(String relative) {
    if (relative == null || relative.isEmpty()) {
      throw new IllegalArgumentException("path must not be empty");
    }
    Path path = Path.of(relative);
    if (path.isAbsolute()) {
      throw new IllegalArgumentException(
          "path must be relative to the host root (no leading /): " + relative);
    }
    Path normal = path.normalize();
    if (normal.toString().isEmpty() || normal.startsWith("..")) {
      throw new IllegalArgumentException("path must stay inside the host root: " + relative);
    }
    return normal;
  }

  /** Creates directory {@code dir} and its parents. */
  public void dir(Path dir) {
    try {
      Files.createDirectories(root.resolve(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /** Writes {@code content} (UTF-8) to {@code file}, creating parent directories. */
  public void text(Path file, String content) {
    bytes(file, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code content} to {@code file}, creating parent directories. */
  public void bytes(Path file, byte[] content) {
    Path target = root.resolve(file);
    try {
      Files.createDirectories(target.getParent());
      Files.write(target, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Creates an empty regular file, the stand-in for a device node (tests cannot mknod). */
  public void node(Path file) {
    bytes(file, new byte[0]);
  }

  /** Creates symlink {@code link} with the literal target text {@code target}. */
  public void symlink(Path link, String target) {
    Path at = root.resolve(link);
    try {
      Files.createDirectories(at.getParent());
      if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
        if (Files.isSymbolicLink(at) && Files.readSymbolicLink(at).toString().equals(target)) {
          return;
        }
        throw new IllegalStateException("two different entries at " + link);
      }
      Files.createSymbolicLink(at, Path.of(target));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot link " + link + " -> " + target, e);
    }
  }
}
