package dev.mgnagent.tests.install;

import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.installer.AgentRegistrar;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.RegistrationRequest;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import dev.mgnagent.testkit.disk.FakeBlockDevicesBuilder;
import dev.mgnagent.testkit.event.RecordingEventListener;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Everything an installation test needs, on loopback and in a temporary directory: an {@link
 * MgnSandbox} (a fake host, a fake MGN, the fake installer published in a fake bucket), the
 * installer downloaded through the real {@link InstallerVerifier}, and the events recorded.
 */
final class InstallFixture implements AutoCloseable {

  final MgnSandbox sandbox;
  final FakeMgn mgn;
  final FakeInstaller installer;
  final FakeInstallerBucket bucket;
  final Host host;
  final RecordingEventListener events = new RecordingEventListener();
  private final MgnClient adminClient;

  InstallFixture(Path temp, FakeBlockDevicesBuilder scenario, InstallerFlavor flavor) {
    this(temp, scenario, flavor, b -> b);
  }

  /** With the fake installer configured by {@code configure} (prompt mode, buffering, ...). */
  InstallFixture(
      Path temp,
      FakeBlockDevicesBuilder scenario,
      InstallerFlavor flavor,
      java.util.function.UnaryOperator<FakeInstaller.Builder> configure) {
    // the sandbox's sped-up simulation: MGN reports the disks a fraction of a second after
    // registration
    sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(flavor)
            .host(scenario)
            .workDirectory(temp)
            .configureInstaller(configure)
            .build()
            .start();
    mgn = sandbox.mgn();
    installer = sandbox.installer();
    bucket = sandbox.bucket();
    host = sandbox.host();
    adminClient = mgn.newClient();
  }

  VerificationResult.Verified verified(InstallerFlavor flavor) {
    VerificationResult result =
        InstallerVerifier.builder()
            .location(InstallerLocation.viaEndpoint(Region.EU_WEST_3, bucket.endpoint(), flavor))
            .replaceExisting(true)
            .build()
            .download(
                sandbox
                    .downloadDirectory()
                    .resolve(
                        flavor == InstallerFlavor.PYTHON
                            ? "aws-replication-installer-init.py"
                            : "aws-replication-installer-init"));
    return (VerificationResult.Verified) result;
  }

  Selection select(SelectionRequest request) {
    return ReplicationSelection.of(DiskInventory.of(host).read(), DevicePaths.of(host))
        .select(request);
  }

  RegistrationRequest.Builder request(AwsCredentials keys, Selection selection) {
    return RegistrationRequest.builder()
        .region(mgn.region())
        .credentials(StaticCredentialsProvider.create(keys))
        .selection(selection)
        .endpoint(mgn.endpoint());
  }

  AgentRegistrar.Builder registrar() {
    return AgentRegistrar.builder()
        .timeout(Duration.ofSeconds(60))
        .eventListener(events)
        .confirmWith(adminClient)
        .confirmationPolling(Duration.ofMillis(100), 50)
        .runAsRoot(true);
  }

  @Override
  public void close() {
    try {
      adminClient.close();
    } finally {
      sandbox.close();
    }
  }
}
