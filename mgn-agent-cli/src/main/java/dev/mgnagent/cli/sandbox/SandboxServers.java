package dev.mgnagent.cli.sandbox;

import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.aws.FakeEc2;
import dev.mgnagent.testkit.aws.FakeIam;
import dev.mgnagent.testkit.aws.FakeSts;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The fakes a sandbox serves on 127.0.0.1: an MGN (uninitialized) with the IAM, STS and EC2 of the
 * same account (IAM linked to MGN, so that InitializeService creates the service-linked role and
 * needs the service roles; EC2 with a default VPC; the MGN admin keys allowed everything in all
 * four, the installer keys nothing in IAM and EC2), and an installer bucket that
 * publishes the fake installer in both flavors. The launchers are generated at start and carry
 * this sandbox's installation directory, so an installer fetched and run from another process
 * writes only there. The host's disks are read, never written.
 */
public final class SandboxServers implements AutoCloseable {

  private final FakeMgn mgn;
  private final FakeIam iam;
  private final FakeSts sts;
  private final FakeEc2 ec2;
  private final FakeInstallerBucket bucket;
  private final FakeInstaller installer;
  private final Path directory;

  private SandboxServers(FakeMgn mgn, FakeIam iam, FakeSts sts, FakeEc2 ec2,
      FakeInstallerBucket bucket, FakeInstaller installer, Path directory) {
    this.mgn = mgn;
    this.iam = iam;
    this.sts = sts;
    this.ec2 = ec2;
    this.bucket = bucket;
    this.installer = installer;
    this.directory = directory;
  }

  /** Starts the fakes for {@code region}, the installer seeing the disks under {@code hostRoot}. */
  public static SandboxServers start(String region, Path hostRoot) {
    try {
      Path directory = Files.createTempDirectory("mgn-agent-sandbox-");
      FakeIam iam = FakeIam.builder().build().start();
      FakeSts sts = FakeSts.builder().region(region).build().start();
      FakeEc2 ec2 = FakeEc2.builder().region(region).build().start();
      FakeMgn mgn = FakeMgn.builder().region(region).sandboxSimulation().iam(iam).build().start();
      iam.addCredentials(mgn.adminCredentials(), java.util.Set.of("iam:*"));
      iam.addCredentials(mgn.installerCredentials(), java.util.Set.of());
      sts.addCredentials(mgn.adminCredentials()).addCredentials(mgn.installerCredentials());
      ec2.addCredentials(mgn.adminCredentials(), java.util.Set.of("ec2:*"));
      ec2.addCredentials(mgn.installerCredentials(), java.util.Set.of());
      FakeInstaller installer = FakeInstaller.builder()
          .installRoot(directory.resolve("installation"))
          .hostRoot(hostRoot)
          .mgnEndpoint(mgn.endpoint())
          .build();
      FakeInstallerBucket bucket = FakeInstallerBucket.builder().region(region)
          .installer(InstallerFlavor.BINARY, installer.launcher(InstallerFlavor.BINARY))
          .installer(InstallerFlavor.PYTHON, installer.launcher(InstallerFlavor.PYTHON))
          .start();
      return new SandboxServers(mgn, iam, sts, ec2, bucket, installer, directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sandbox directory", e);
    }
  }

  public FakeMgn mgn() {
    return mgn;
  }

  public FakeIam iam() {
    return iam;
  }

  public FakeSts sts() {
    return sts;
  }

  public FakeEc2 ec2() {
    return ec2;
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
    ec2.close();
    sts.close();
    iam.close();
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
