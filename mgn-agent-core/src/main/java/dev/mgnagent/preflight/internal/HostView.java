package dev.mgnagent.preflight.internal;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandResult;
import dev.mgnagent.host.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the checks may read of a host: files under its root (by absolute host path such as {@code
 * /etc/os-release}), its environment, and commands, when commands run on that host at all.
 */
public final class HostView {

  /** Where programs are looked for, under the root (the host's PATH may be this machine's). */
  static final List<String> PROGRAM_DIRS =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  /** How long a command may run before it is stopped and reported as not ending. */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

  private final Host host;
  private final Optional<String> noCommandsReason;
  private final Duration commandTimeout;

  /**
   * @param noCommandsReason why commands cannot run on this host (empty: they can)
   */
  public HostView(Host host, Optional<String> noCommandsReason) {
    this(host, noCommandsReason, COMMAND_TIMEOUT);
  }

  /** As above, stopping a command that runs longer than {@code commandTimeout}. */
  public HostView(Host host, Optional<String> noCommandsReason, Duration commandTimeout) {
    this.host = host;
    this.noCommandsReason = noCommandsReason;
    this.commandTimeout = commandTimeout;
  }

  public Path path(String absolutePath) {
    return host.root().resolve(absolutePath.substring(1));
  }

  public Optional<String> read(String absolutePath) {
    try {
      return Optional.of(Files.readString(path(absolutePath), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public Optional<byte[]> readBytes(String absolutePath) {
    try {
      return Optional.of(Files.readAllBytes(path(absolutePath)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public boolean exists(String absolutePath) {
    return Files.exists(path(absolutePath), LinkOption.NOFOLLOW_LINKS);
  }

  public boolean isDirectory(String absolutePath) {
    return Files.isDirectory(path(absolutePath));
  }

  public boolean isSymlink(String absolutePath) {
    return Files.isSymbolicLink(path(absolutePath));
  }

  /** Names in a directory, sorted; empty when it is missing. */
  public List<String> list(String absolutePath) {
    try (Stream<Path> entries = Files.list(path(absolutePath))) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** The host path of an executable {@code name} in the standard program directories. */
  public Optional<String> findProgram(String name) {
    for (String dir : PROGRAM_DIRS) {
      String candidate = dir + "/" + name;
      Path p = path(candidate);
      if (Files.isRegularFile(p) && isExecutable(p)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code file} may be run. A file system reached over SFTP cannot answer access checks
   * (MINA's SFTP provider refuses EXECUTE for every file), so there the file's mode answers: any
   * execute bit.
   */
  static boolean isExecutable(Path file) {
    if (file.getFileSystem() == java.nio.file.FileSystems.getDefault()) {
      return Files.isExecutable(file);
    }
    try {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> mode =
          Files.getPosixFilePermissions(file);
      return mode.contains(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE)
          || mode.contains(java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE)
          || mode.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  public Map<String, String> environment() {
    return host.environment();
  }

  /** Why commands cannot run on this host; empty when they can. */
  public Optional<String> noCommandsReason() {
    return noCommandsReason;
  }

  /**
   * Runs {@code argv} on the host with its PATH and {@code LC_ALL=C}; call only when commands run.
   */
  public CommandOutcome run(String... argv) {
    return run(false, argv);
  }

  /**
   * {@link #run}, in a new session without a controlling terminal, as the installer runs (so that
   * sudo's {@code requiretty} refuses here as it would refuse the installer).
   */
  public CommandOutcome runInNewSession(String... argv) {
    return run(true, argv);
  }

  private CommandOutcome run(boolean newSession, String... argv) {
    String path = host.environment().getOrDefault("PATH", String.join(":", PROGRAM_DIRS));
    Command command =
        Command.of(argv)
            .withEnvironment(Map.of("PATH", path, "LC_ALL", "C"))
            .withNewSession(newSession);
    try {
      CommandResult result = CommandResult.run(host.commandRunner(), command, commandTimeout);
      if (result.timedOut()) {
        String err =
            argv[0]
                + " did not end within "
                + commandTimeout.toMillis()
                + " ms and was stopped"
                + (result.stderr().isBlank() ? "" : "; " + result.stderr());
        return new CommandOutcome(true, -1, result.stdout(), err);
      }
      return new CommandOutcome(
          true, result.exitCode().getAsInt(), result.stdout(), result.stderr());
    } catch (IOException e) {
      return CommandOutcome.notStarted(String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandOutcome.notStarted("interrupted");
    }
  }
}
