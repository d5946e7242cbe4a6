package dev.mgnagent.testkit.service;

import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import dev.mgnagent.installer.AgentRegistrar;
import dev.mgnagent.installer.RegistrationRequest;
import dev.mgnagent.testkit.disk.FakeBlockDevicesBuilder;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Everything an installation test needs, on loopback and in a temporary directory: a fake host, a
 * fake MGN, the fake installer published in a fake bucket and downloaded through the real
 * {@link InstallerVerifier}.
 */
final class InstallFixture implements AutoCloseable {

  final FakeMgn mgn;
  final FakeInstaller installer;
  final FakeInstallerBucket bucket;
  final Host host;
  final List<MgnAgentEvent> events = new CopyOnWriteArrayList<>();
  private final Path temp;
  private final MgnClient adminClient;

  InstallFixture(Path temp, FakeBlockDevicesBuilder scenario, InstallerFlavor flavor) {
    this(temp, scenario, flavor, b -> b);
  }

  /** With the fake installer configured by {@code configure} (prompt mode, buffering, ...). */
  InstallFixture(Path temp, FakeBlockDevicesBuilder scenario, InstallerFlavor flavor,
      java.util.function.UnaryOperator<FakeInstaller.Builder> configure) {
    this.temp = temp;
    // the sandbox's sped-up simulation: MGN reports the disks a fraction of a second after registration
    mgn = FakeMgn.builder().region("eu-west-3").initialized(true).sandboxSimulation().build().start();
    adminClient = mgn.newClient();
    Path hostRoot = scenario.writeTo(temp.resolve("host"));
    host = LocalHost.rootedAt(hostRoot);
    installer = configure.apply(FakeInstaller.builder()
        .installRoot(temp.resolve("installed"))
        .hostRoot(hostRoot)
        .mgnEndpoint(mgn.endpoint()))
        .build();
    bucket = FakeInstallerBucket.builder().region("eu-west-3")
        .installer(flavor, installer.launcher(flavor)).start();
  }

  VerificationResult.Verified verified(InstallerFlavor flavor) {
    try {
      java.nio.file.Files.createDirectories(temp.resolve("download"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    VerificationResult result = InstallerVerifier.builder()
        .location(InstallerLocation.viaEndpoint("eu-west-3", bucket.endpoint().toString(), flavor))
        .replaceExisting(true)
        .build()
        .download(temp.resolve("download").resolve(flavor == InstallerFlavor.PYTHON
            ? "aws-replication-installer-init.py" : "aws-replication-installer-init"));
    return (VerificationResult.Verified) result;
  }

  Selection select(SelectionRequest request) {
    return ReplicationSelection.of(DiskInventory.of(host).read(), DevicePaths.of(host)).select(request);
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
        .eventListener(events::add)
        .confirmWith(adminClient)
        .confirmationPolling(Duration.ofMillis(100), 50)
        .runAsRoot(true);
  }

  @Override
  public void close() {
    adminClient.close();
    bucket.close();
    mgn.close();
  }
}
