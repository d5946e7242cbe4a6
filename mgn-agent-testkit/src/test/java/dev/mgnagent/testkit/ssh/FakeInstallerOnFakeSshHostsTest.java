package dev.mgnagent.testkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * The fake installer's launcher, fetched once and run through sudo on two fake SSH hosts, registers
 * two different source servers: each host's own hostname and MAC.
 */
class FakeInstallerOnFakeSshHostsTest {

  @TempDir Path temp;

  @Test
  void oneLauncherRunOnTwoHostsRegistersTwoServersEachUnderItsOwnIdentity() throws Exception {
    try (MgnSandbox sandbox =
            MgnSandbox.builder()
                .workDirectory(temp.resolve("sandbox"))
                .initialized(true)
                .build()
                .start();
        FakeSshFleet fleet =
            FakeSshFleet.builder()
                .directory(temp.resolve("fleet"))
                .host("web-1")
                .host("web-2")
                .build()
                .start();
        MinaClient client = new MinaClient()) {
      KeyPair key = MinaClient.loadKey(fleet.clientKey(temp.resolve("keys")), null);
      // the same bytes for every host, as a fleet install downloads the installer once
      Path launcher = temp.resolve("download/aws-replication-installer-init");
      Files.createDirectories(launcher.getParent());
      Files.write(launcher, sandbox.installer().launcher(InstallerFlavor.BINARY));
      AwsBasicCredentials credentials = sandbox.installerCredentials();

      for (FakeSshHost host : fleet.hosts()) {
        try (ClientSession session = client.login(host, key)) {
          MinaClient.Result result =
              MinaClient.exec(
                  session,
                  "sudo -n sh "
                      + launcher
                      + " --region "
                      + sandbox.region().id()
                      + " --aws-access-key-id "
                      + credentials.accessKeyId()
                      + " --no-prompt",
                  credentials.secretAccessKey() + "\n");
          assertThat(result.status()).as(result.out() + result.err()).isZero();
          assertThat(result.out())
              .contains("The AWS Replication Agent was successfully installed.");
        }
      }

      assertThat(sandbox.mgn().sourceServers())
          .extracting(s -> s.sourceProperties().identificationHints().hostname())
          .containsExactlyInAnyOrder("web-1", "web-2");
      assertThat(sandbox.mgn().sourceServers())
          .extracting(s -> s.sourceProperties().networkInterfaces().get(0).macAddress())
          .containsExactlyInAnyOrder(
              fleet.host("web-1").macAddress().toUpperCase().replace(':', '-'),
              fleet.host("web-2").macAddress().toUpperCase().replace(':', '-'));
      for (FakeSshHost host : fleet.hosts()) {
        assertThat(sandbox.installer().isInstalledOn(host.root())).as(host.name()).isTrue();
      }
      assertThat(sandbox.installer().isInstalled()).isFalse();
    }
  }
}
