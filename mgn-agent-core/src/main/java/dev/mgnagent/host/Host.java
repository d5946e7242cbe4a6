package dev.mgnagent.host;

import dev.mgnagent.host.internal.FileHostLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The machine mgn-agent works on: a root directory under which the kernel's files are read ({@code
 * sys}, {@code proc}, {@code dev}, {@code etc}), the environment the host's processes see, and a
 * way to run commands there.
 *
 * <p>Core code never reads {@code System.getenv()} or absolute paths itself; it asks the host. The
 * real machine is {@link LocalHost}; tests use a host rooted at a temporary tree.
 */
public interface Host {

  /** The directory the host's file system starts at: {@code /} on the real machine. */
  Path root();

  /**
   * The host's environment variables (read-only). The real host returns {@code System.getenv()};
   * other hosts supply their own.
   */
  Map<String, String> environment();

  /** Starts processes on this host. */
  CommandRunner commandRunner();

  /**
   * Takes the exclusive lock {@code name} on this host, or returns empty when another process holds
   * it. The default is a lock file, {@code run/lock/mgn-agent-<name>.lock} under {@link #root()},
   * holding the holder's process ID; a host reached another way (SSH) implements the same with
   * {@code flock -n} run through its {@link #commandRunner()}.
   *
   * @param name lower-case letters, digits and {@code -}
   * @throws java.io.UncheckedIOException if the lock cannot be created
   */
  default Optional<HostLock> tryLock(String name) {
    return FileHostLock.tryLock(root(), name);
  }

  /** The process ID of the holder of lock {@code name} as it recorded it; empty if unknown. */
  default OptionalLong lockHolder(String name) {
    return FileHostLock.holder(root(), name);
  }
}
