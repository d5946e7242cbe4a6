package dev.mgnagent.host;

import dev.mgnagent.host.internal.FileHostLock;
import dev.mgnagent.host.internal.LocalCommandRunner;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The machine this JVM runs on. {@link #create()} reads the real {@code /}; {@link #rootedAt(Path)}
 * reads the kernel's files from another directory (a copy or a fake tree, as {@code --host-root}
 * does) while commands still run on this machine.
 */
public final class LocalHost implements Host {

  private final Path root;
  private final Map<String, String> environment;
  private final CommandRunner runner;
  private final Path lockRoot;

  private LocalHost(Path root, Map<String, String> environment) {
    this(root, environment, root);
  }

  private LocalHost(Path root, Map<String, String> environment, Path lockRoot) {
    this.root = root;
    this.environment = environment;
    this.runner = new LocalCommandRunner();
    this.lockRoot = lockRoot;
  }

  /** This machine: root {@code /} and the JVM's environment. */
  public static LocalHost create() {
    return new LocalHost(Path.of("/"), System.getenv());
  }

  /** This machine's environment and commands, with files read under {@code root}. */
  public static LocalHost rootedAt(Path root) {
    return new LocalHost(Objects.requireNonNull(root, "root").toAbsolutePath(), System.getenv());
  }

  /**
   * This host with {@code environment} as the environment its processes and checks see (a CLI run
   * in-process passes its own); commands still run on this machine.
   */
  public LocalHost withEnvironment(Map<String, String> environment) {
    return new LocalHost(
        root, Map.copyOf(Objects.requireNonNull(environment, "environment")), lockRoot);
  }

  /**
   * This host with its {@linkplain #tryLock(String) locks} taken under {@code directory}{@code
   * /run/lock} instead of under the root: a sandbox that reads the real disks keeps its locks in
   * its own directory and leaves the machine's {@code /run/lock} alone.
   */
  public LocalHost withLockRoot(Path directory) {
    return new LocalHost(
        root, environment, Objects.requireNonNull(directory, "directory").toAbsolutePath());
  }

  @Override
  public Optional<HostLock> tryLock(String name) {
    return FileHostLock.tryLock(lockRoot, name);
  }

  @Override
  public OptionalLong lockHolder(String name) {
    return FileHostLock.holder(lockRoot, name);
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public Map<String, String> environment() {
    return environment;
  }

  @Override
  public CommandRunner commandRunner() {
    return runner;
  }

  @Override
  public String toString() {
    return "LocalHost[root=" + root + "]";
  }
}
