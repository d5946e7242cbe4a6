package dev.mgnagent.testkit.host;

import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.Host;
import dev.mgnagent.preflight.FileSystemSpace;
import dev.mgnagent.testkit.disk.FakeBlockDevicesBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A fake Linux server for tests: a host root written by {@link FakeLinuxHostBuilder} (block devices
 * plus the {@code etc}, {@code proc}, {@code usr}, {@code boot} and {@code sys/firmware} files that
 * preflight reads), its own environment, scripted commands and scripted free space.
 *
 * <pre>{@code
 * FakeLinuxHost host = FakeLinuxHost.builder(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
 *     .osRelease("rhel", "9.4", "Red Hat Enterprise Linux 9.4 (Plow)")
 *     .kernelRelease("5.14.0-427.13.1.el9_4.x86_64").kernelHeaders(HeadersLayout.RPM)
 *     .freeSpace("/", 10L << 30)
 *     .writeTo(tempDir);
 * Preflight.builder().host(host).fileSystemSpace(host.space()).build().run();
 * }</pre>
 *
 * <p>{@link FakeLinuxHosts} holds ready-made servers.
 */
public final class FakeLinuxHost implements Host {

  private final Path root;
  private final Map<String, String> environment;
  private final ScriptedCommandRunner runner;
  private final Map<String, Long> freeSpace;

  FakeLinuxHost(
      Path root,
      Map<String, String> environment,
      ScriptedCommandRunner runner,
      Map<String, Long> freeSpace) {
    this.root = root;
    this.environment = Map.copyOf(environment);
    this.runner = runner;
    this.freeSpace = Map.copyOf(freeSpace);
  }

  /** A builder over the block devices of {@code devices} (a scenario or a custom builder). */
  public static FakeLinuxHostBuilder builder(FakeBlockDevicesBuilder devices) {
    return new FakeLinuxHostBuilder(devices);
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

  /** The scripted runner, to see which commands were run. */
  public ScriptedCommandRunner scriptedRunner() {
    return runner;
  }

  /**
   * The scripted free space: the value given for the exact mount point, else for {@code /}; empty
   * when none was given.
   */
  public FileSystemSpace space() {
    return path -> {
      Long bytes = freeSpace.containsKey(path) ? freeSpace.get(path) : freeSpace.get("/");
      return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes);
    };
  }

  @Override
  public String toString() {
    return "FakeLinuxHost[root=" + root + "]";
  }
}
