package dev.mgnagent.host.internal;

import dev.mgnagent.host.HostLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A {@link HostLock} as an exclusive lock ({@code fcntl}, through {@link FileChannel#tryLock()}) on
 * {@code <root>/run/lock/mgn-agent-<name>.lock}, a file that holds the holder's process ID. The
 * kernel releases the lock when the holder dies, so a crashed run never leaves it taken; the file
 * itself is kept (deleting it would let two processes lock two different files).
 */
public final class FileHostLock implements HostLock {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final String name;
  private final FileChannel channel;
  private final FileLock lock;

  private FileHostLock(String name, FileChannel channel, FileLock lock) {
    this.name = name;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code name} under the host root {@code root}. */
  public static Path file(Path root, String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a lock name is lower-case letters, digits and '-'");
    }
    return root.resolve("run").resolve("lock").resolve("mgn-agent-" + name + ".lock");
  }

  /**
   * Takes the lock, or returns empty when another process (or another holder in this JVM) has it.
   *
   * @throws UncheckedIOException if the lock file cannot be created or opened
   */
  public static Optional<HostLock> tryLock(Path root, String name) {
    Path file = file(root, name);
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldInThisJvm) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
      channel.force(false);
      return Optional.of(new FileHostLock(name, channel, lock));
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // reporting the first failure
        }
      }
      throw new UncheckedIOException("cannot take the lock file " + file, e);
    }
  }

  /** The process ID written in the lock file by its holder; empty if none can be read. */
  public static OptionalLong holder(Path root, String name) {
    try {
      byte[] bytes = Files.readAllBytes(file(root, name));
      if (bytes.length > 32) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(Long.parseLong(new String(bytes, StandardCharsets.US_ASCII).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    if (!channel.isOpen()) {
      return;
    }
    try {
      channel.truncate(0); // no stale PID for the next reader
      lock.release();
    } catch (IOException e) {
      // closing the channel below releases the lock anyway
    } finally {
      try {
        channel.close();
      } catch (IOException e) {
        // the lock is gone with the descriptor
      }
    }
  }

  @Override
  public String toString() {
    return "HostLock[" + name + "]";
  }
}
