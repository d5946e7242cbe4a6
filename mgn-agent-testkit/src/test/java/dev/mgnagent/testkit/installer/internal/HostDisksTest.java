package dev.mgnagent.testkit.installer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake installer's own disk identification on the testkit's host scenarios. */
class HostDisksTest {

  @TempDir Path temp;

  @Test
  void nitroListsAliasNamesAndResolvesPartitionsAndAliasesToTheirDisk() throws Exception {
    HostDisks disks = HostDisks.read(FakeBlockDeviceScenarios.nitroNvme().writeTo(temp));

    assertThat(disks.listing())
        .containsExactly("/dev/xvda", "/dev/nvme0n1", "/dev/sdf", "/dev/nvme1n1");
    assertThat(disks.rootDisks()).containsExactly("nvme0n1");
    assertThat(disks.resolve("/dev/xvda1")).map(HostDisks.HostDisk::name).contains("nvme0n1");
    assertThat(disks.resolve("/dev/sdf")).map(HostDisks.HostDisk::name).contains("nvme1n1");
    assertThat(disks.resolve("/dev/sdz")).isEmpty();
  }

  @Test
  void rootOnLogicalVolumeOverTwoDisksMakesBothRootDisks() throws Exception {
    HostDisks disks =
        HostDisks.read(FakeBlockDeviceScenarios.lvmRootSpanningTwoDisks().writeTo(temp));

    assertThat(disks.rootDisks()).containsExactlyInAnyOrder("sda", "sdb");
    assertThat(disks.disks()).extracting(HostDisks.HostDisk::name).containsExactly("sda", "sdb");
  }

  @Test
  void loopRamZramAndOpticalDevicesAreNoDisks() throws Exception {
    HostDisks disks = HostDisks.read(FakeBlockDeviceScenarios.noise().writeTo(temp));

    assertThat(disks.disks()).extracting(HostDisks.HostDisk::name).containsExactly("sda");
    assertThat(disks.rootDisks()).containsExactly("sda");
  }
}
