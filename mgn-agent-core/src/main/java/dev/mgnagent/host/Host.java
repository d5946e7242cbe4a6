package dev.mgnagent.host;

import java.nio.file.Path;
import java.util.Map;

/**
 * The machine mgn-agent works on: a root directory under which the kernel's files are read
 * ({@code sys}, {@code proc}, {@code dev}, {@code etc}), the environment the host's processes see,
 * and a way to run commands there.
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
}
