package dev.mgnagent.tests.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.CheckStatus;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.preflight.PreflightReport;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.host.FakeLinuxHost;
import dev.mgnagent.testkit.ssh.FakeSshFleet;
import dev.mgnagent.testkit.ssh.FakeSshHost;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host reached over SSH reads as the same tree read locally: preflight finds the fake host's
 * {@code sudo} where it looks for it, and paths read through SFTP (symlink targets) never meet this
 * machine's paths.
 */
class FakeSshHostPreflightTest {

  @TempDir Path temp;

  private SshHost connect(FakeSshFleet fleet, FakeSshHost fake) {
    return SshHost.connect(
        SshTarget.parse(fake.target().toString()),
        SshOptions.builder(Map.of())
            .knownHosts(fleet.writeKnownHosts(temp.resolve("known_hosts")))
            .identity(fleet.clientKey(temp.resolve("keys")))
            .remoteRoot(fake.root().toString())
            .build());
  }

  @Test
  void preflightOverSshFindsTheFakeHostsSudo() {
    try (FakeSshFleet fleet =
            FakeSshFleet.builder().directory(temp.resolve("fleet")).host("web-1").build().start();
        SshHost host = connect(fleet, fleet.host("web-1"))) {
      PreflightReport report =
          Preflight.builder().host(host).flavor(InstallerFlavor.BINARY).build().run();

      CheckResult sudo = report.check("privileges.sudo-installed").orElseThrow();
      assertThat(sudo.status()).as(sudo.toString()).isEqualTo(CheckStatus.PASS);
    }
  }

  @Test
  void aRelativeDevLinkReadThroughSftpResolvesAsLocally() {
    // LVM root: /dev/mapper/vg0-root is a relative link (../dm-0), followed through SFTP
    try (FakeSshFleet fleet =
            FakeSshFleet.builder()
                .directory(temp.resolve("fleet"))
                .host(
                    "lvm",
                    h ->
                        h.linuxHost(
                            FakeLinuxHost.builder(
                                FakeBlockDeviceScenarios.lvmRootSpanningTwoDisks())))
                .build()
                .start();
        SshHost host = connect(fleet, fleet.host("lvm"))) {
      Host local = LocalHost.rootedAt(fleet.host("lvm").root());
      dev.mgnagent.disk.internal.DevicePathResolver remote =
          new dev.mgnagent.disk.internal.DevicePathResolver(host.root());
      dev.mgnagent.disk.internal.DevicePathResolver here =
          new dev.mgnagent.disk.internal.DevicePathResolver(local.root());
      for (String dev : new String[] {"/dev/mapper/vg0-root", "/dev/vg0/root", "/dev/dm-0"}) {
        assertThat(remote.kernelName(dev)).as(dev).isEqualTo(here.kernelName(dev));
      }
      assertThat(here.kernelName("/dev/mapper/vg0-root")).isPresent();
      Inventory overSsh = DiskInventory.of(host).read();
      assertThat(overSsh).isEqualTo(DiskInventory.of(local).read());
    }
  }
}
