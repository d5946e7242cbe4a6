package dev.mgnagent.cli.sandbox;

import dev.mgnagent.Secret;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.mgn.WatchSettings;
import dev.mgnagent.testkit.aws.FakeEc2;
import dev.mgnagent.testkit.aws.FakeIam;
import dev.mgnagent.testkit.aws.FakeSts;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * The CLI's sandbox: the testkit's {@link MgnSandbox} as {@code sandbox} and {@code install
 * --sandbox} serve it, an uninitialized MGN with the sped-up simulation and the IAM, STS and EC2 of
 * its account, both installer flavors, and the fake installer reading the disks under a given root
 * (never writing them) and installing into the sandbox's temporary directory, which closing
 * deletes.
 */
public final class SandboxServers implements AutoCloseable {

  /**
   * For tests of the jar: a system property naming a {@link FakeInstallerFailure} the sandbox's
   * fake installer is told to act out (such as {@code HANG}, to test stopping on a signal).
   */
  public static final String INSTALLER_FAILURE_PROPERTY = "mgnagent.sandbox.installerFailure";

  private final MgnSandbox sandbox;

  private SandboxServers(MgnSandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** Starts the fakes for {@code region}, the installer seeing the disks under {@code hostRoot}. */
  public static SandboxServers start(String region, Path hostRoot) {
    return start(region, hostRoot, b -> b);
  }

  /** As {@link #start(String, Path)}, with the fake installer configured by {@code configure}. */
  public static SandboxServers start(
      String region, Path hostRoot, UnaryOperator<FakeInstaller.Builder> configure) {
    String failure = System.getProperty(INSTALLER_FAILURE_PROPERTY);
    // a test that injects a failure watches for the line before it: no block buffering then
    UnaryOperator<FakeInstaller.Builder> settings =
        failure == null ? configure : b -> configure.apply(b).lineBuffered(true);
    SandboxServers servers =
        new SandboxServers(
            MgnSandbox.builder()
                .region(region)
                .hostRoot(hostRoot)
                .configureInstaller(settings)
                .build()
                .start());
    if (failure != null) {
      servers.installer().failWith(FakeInstallerFailure.valueOf(failure));
    }
    return servers;
  }

  public FakeMgn mgn() {
    return sandbox.mgn();
  }

  public FakeIam iam() {
    return sandbox.iam();
  }

  public FakeSts sts() {
    return sandbox.sts();
  }

  public FakeEc2 ec2() {
    return sandbox.ec2();
  }

  public FakeInstallerBucket bucket() {
    return sandbox.bucket();
  }

  public FakeInstaller installer() {
    return sandbox.installer();
  }

  /** The temporary directory the fake installation goes to. */
  public Path directory() {
    return sandbox.workDirectory();
  }

  /**
   * Points {@code install --sandbox} at these fakes: the request gets the sandbox's endpoints
   * (initializing its MGN) and, with {@code adminKeys}, its administrator's keys; the installation
   * keeps its lock, downloads and watch in the sandbox's directory and time scale.
   */
  public void wire(
      InstallRequest.Builder request,
      AgentInstallation.Builder installation,
      LocalHost host,
      boolean adminKeys) {
    // a sandbox keeps its install lock in its own directory, not in the machine's /run/lock
    installation
        .host(host.withLockRoot(directory()))
        .workDirectory(createDirectory(directory().resolve("download")))
        .watchSettings(
            WatchSettings.builder()
                .interval(Duration.ofMillis(500))
                .timeout(Duration.ofMinutes(2))
                .build());
    request
        .endpoint(mgn().endpoint())
        .s3Endpoint(bucket().endpoint())
        .iamEndpoint(iam().endpoint())
        .stsEndpoint(sts().endpoint())
        .ec2Endpoint(ec2().endpoint())
        .initializeService(true);
    // the sandbox's fake installer runs as this user, never through sudo
    installation.runAsRoot(true);
    if (adminKeys) {
      AwsBasicCredentials keys = mgn().adminCredentials();
      request.accessKeyId(keys.accessKeyId()).secretAccessKey(Secret.of(keys.secretAccessKey()));
    }
  }

  private static Path createDirectory(Path path) {
    try {
      return Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the fakes and deletes the sandbox's temporary directory, which only it wrote to. */
  @Override
  public void close() {
    sandbox.close();
  }
}
