package dev.mgnagent.cli.sandbox;

import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The fakes a sandbox serves on 127.0.0.1: an MGN (uninitialized), and an installer bucket that
 * publishes the fake installer in both flavors. The launchers are generated at start and carry
 * this sandbox's installation directory, so an installer fetched and run from another process
 * writes only there. The host's disks are read, never written.
 */
public final class SandboxServers implements AutoCloseable {

  /**
   * For tests of the jar: a system property naming a {@link FakeInstallerFailure} the sandbox's
   * fake installer is told to act out (such as {@code HANG}, to test stopping on a signal).
   */
  public static final String INSTALLER_FAILURE_PROPERTY = "mgnagent.sandbox.installerFailure";

  private final FakeMgn mgn;
  private final FakeInstallerBucket bucket;
  private final FakeInstaller installer;
  private final Path directory;

  private SandboxServers(FakeMgn mgn, FakeInstallerBucket bucket, FakeInstaller installer,
      Path directory) {
    this.mgn = mgn;
    this.bucket = bucket;
    this.installer = installer;
    this.directory = directory;
  }

  /** Starts the fakes for {@code region}, the installer seeing the disks under {@code hostRoot}. */
  public static SandboxServers start(String region, Path hostRoot) {
    try {
      Path directory = Files.createTempDirectory("mgn-agent-sandbox-");
      FakeMgn mgn = FakeMgn.builder().region(region).sandboxSimulation().build().start();
      FakeInstaller installer = FakeInstaller.builder()
          .installRoot(directory.resolve("installation"))
          .hostRoot(hostRoot)
          .mgnEndpoint(mgn.endpoint())
          .build();
      String failure = System.getProperty(INSTALLER_FAILURE_PROPERTY);
      if (failure != null) {
        installer.failWith(FakeInstallerFailure.valueOf(failure));
      }
      FakeInstallerBucket bucket = FakeInstallerBucket.builder().region(region)
          .installer(InstallerFlavor.BINARY, installer.launcher(InstallerFlavor.BINARY))
          .installer(InstallerFlavor.PYTHON, installer.launcher(InstallerFlavor.PYTHON))
          .start();
      return new SandboxServers(mgn, bucket, installer, directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sandbox directory", e);
    }
  }

  public FakeMgn mgn() {
    return mgn;
  }

  public FakeInstallerBucket bucket() {
    return bucket;
  }

  public FakeInstaller installer() {
    return installer;
  }

  /** The temporary directory the fake installation goes to. */
  public Path directory() {
    return directory;
  }

  /** Stops the fakes and deletes the sandbox's temporary directory, which only it wrote to. */
  @Override
  public void close() {
    bucket.close();
    mgn.close();
    deleteRecursively(directory);
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // left for the system's temporary-file cleaning; nothing outside the sandbox is touched
        }
      });
    } catch (IOException e) {
      // the directory is already gone or unreadable
    }
  }
}
