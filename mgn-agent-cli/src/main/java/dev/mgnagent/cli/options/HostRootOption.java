package dev.mgnagent.cli.options;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.host.LocalHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --host-root}: read the host's files under a directory (a copy or a fake tree). */
public final class HostRootOption {

  @Option(
      names = "--host-root",
      paramLabel = "DIR",
      description =
          "Read the host's files (sys, proc, dev) under DIR, a copy or a fake tree,"
              + " instead of / (install: only against a sandbox).")
  Path hostRoot;

  /**
   * The option as if parsed, with {@code --host-root} or without (for a command built without
   * picocli).
   */
  public static HostRootOption of(Optional<Path> hostRoot) {
    HostRootOption option = new HostRootOption();
    option.hostRoot = hostRoot.orElse(null);
    return option;
  }

  /** The directory as given, if it was. */
  public Optional<Path> given() {
    return Optional.ofNullable(hostRoot);
  }

  /** The directory, checked to exist and be readable. */
  public Path checked() {
    if (!Files.isDirectory(hostRoot)) {
      throw new InvalidRequestException(
          "--host-root", "--host-root " + hostRoot + ": no such directory");
    }
    if (!Files.isReadable(hostRoot) || !Files.isExecutable(hostRoot)) {
      throw new InvalidRequestException(
          "--host-root", "--host-root " + hostRoot + ": the directory cannot be read");
    }
    return hostRoot;
  }

  /** This machine, or the checked tree under {@code --host-root}. */
  public LocalHost host() {
    return hostRoot == null ? LocalHost.create() : LocalHost.rootedAt(checked());
  }
}
