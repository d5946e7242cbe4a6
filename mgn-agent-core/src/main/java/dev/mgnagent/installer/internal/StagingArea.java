package dev.mgnagent.installer.internal;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.installer.InstallerFileException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A private (0700) directory created next to a target file, holding one new file (0600) that is
 * written and then, only once verified, made executable and renamed onto the target. The target
 * itself is never opened, so a symlink planted there is replaced, not followed. {@link #close()}
 * removes whatever is left of the directory.
 */
public final class StagingArea implements AutoCloseable {

  private final Path target;
  private final Path directory;
  private final Path file;
  private final FileChannel channel;
  private boolean committed;

  private StagingArea(Path target, Path directory, Path file, FileChannel channel) {
    this.target = target;
    this.directory = directory;
    this.file = file;
    this.channel = channel;
  }

  /**
   * Checks {@code target} and creates the staging directory and file next to it.
   *
   * @throws InvalidRequestException if the target exists (and {@code replace} is false), is a
   *     directory, or its directory does not exist
   * @throws InstallerFileException if the directory cannot be written
   */
  public static StagingArea next(Path target, boolean replace) {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new InvalidRequestException(
          "output", "cannot write " + target + ": directory " + parent + " does not exist");
    }
    if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidRequestException(
          "output", target + " is a directory; give the path of the installer file to write");
    }
    if (!replace && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidRequestException(
          "output", target + " already exists; remove it, or allow replacing it");
    }
    Path directory;
    try {
      directory =
          Files.createTempDirectory(
              parent,
              ".mgn-agent-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (AccessDeniedException e) {
      throw new InstallerFileException(
          parent,
          "cannot create files in "
              + parent
              + ": permission denied; choose a directory you can write to",
          e);
    } catch (IOException e) {
      throw new InstallerFileException(
          parent, "cannot create a temporary directory in " + parent + ": " + e.getMessage(), e);
    }
    Path file = directory.resolve(absolute.getFileName());
    try {
      FileChannel channel =
          FileChannel.open(
              file,
              Set.of(
                  StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE,
                  LinkOption.NOFOLLOW_LINKS),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      return new StagingArea(absolute, directory, file, channel);
    } catch (IOException e) {
      deleteQuietly(directory);
      throw new InstallerFileException(file, "cannot create " + file + ": " + e.getMessage(), e);
    }
  }

  /** The channel to write the download to. */
  public FileChannel channel() {
    return channel;
  }

  /** The file being written. */
  public Path file() {
    return file;
  }

  /**
   * Closes the file, makes it executable by its owner (0700) and renames it onto the target.
   *
   * @throws InvalidRequestException if the target appeared meanwhile and {@code replace} is false
   */
  public void commit(boolean replace) {
    try {
      channel.close();
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
      if (replace) {
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        moveWithoutReplacing();
      }
      committed = true;
    } catch (IOException e) {
      throw new InstallerFileException(
          target, "cannot move the verified installer to " + target + ": " + e.getMessage(), e);
    }
  }

  /** A hard link fails atomically when the target exists; without hard links, check then rename. */
  private void moveWithoutReplacing() throws IOException {
    try {
      Files.createLink(target, file);
      Files.delete(file);
    } catch (FileAlreadyExistsException e) {
      throw new InvalidRequestException(
          "output", target + " appeared while downloading; remove it, or allow replacing it");
    } catch (UnsupportedOperationException | IOException e) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new InvalidRequestException(
            "output", target + " appeared while downloading; remove it, or allow replacing it");
      }
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Deletes the staged file (unless committed) and the private directory. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing to do: the file is deleted next
    }
    if (!committed) {
      deleteQuietly(file);
    }
    deleteQuietly(directory);
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (NoSuchFileException ignored) {
      // already gone
    } catch (IOException ignored) {
      // best effort: a leftover private directory holds nothing that runs
    }
  }
}
