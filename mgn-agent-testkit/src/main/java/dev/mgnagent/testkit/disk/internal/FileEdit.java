package dev.mgnagent.testkit.disk.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A change applied after the realistic tree is written, to make it broken on purpose for error
 * tests: write any file, overwrite an existing one, or remove an entry.
 *
 * @param kind what to do
 * @param path the path relative to the host root
 * @param content the bytes to write (empty for {@link Kind#REMOVE})
 */
public record FileEdit(Kind kind, Path path, byte[] content) {

  /** What an edit does. */
  public enum Kind {
    /** Create or replace a file, creating parent directories. */
    WRITE,
    /** Replace a file that the tree already has; fails if there is none. */
    CORRUPT,
    /** Delete a file, link or directory tree (links are not followed); fails if absent. */
    REMOVE
  }

  /** Applies this edit under {@code files}' root. */
  public void apply(TreeFiles files) {
    Path target = files.root().resolve(path);
    checkInside(files.root(), target);
    switch (kind) {
      case WRITE -> files.bytes(path, content);
      case CORRUPT -> {
        if (!Files.isRegularFile(target)) {
          throw new IllegalStateException("cannot corrupt " + path + ": the tree has no such file");
        }
        files.bytes(path, content);
      }
      case REMOVE -> {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new IllegalStateException("cannot remove " + path + ": the tree has no such entry");
        }
        removeTree(target);
      }
    }
  }

  /** Refuses a path whose existing part resolves, through links, outside the root. */
  private static void checkInside(Path root, Path target) {
    Path existing = target.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      if (existing == null || !existing.toRealPath().startsWith(root.toRealPath())) {
        throw new IllegalStateException(target + " resolves outside the host root");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void removeTree(Path target) {
    try {
      if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(target);
        return;
      }
      Files.walkFileTree(
          target,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + target, e);
    }
  }
}
