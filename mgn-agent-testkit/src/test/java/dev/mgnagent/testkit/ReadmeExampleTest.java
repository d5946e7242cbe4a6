package dev.mgnagent.testkit;

import static dev.mgnagent.testkit.disk.Sizes.GiB;
import static dev.mgnagent.testkit.disk.Sizes.MiB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.mgnagent.testkit.disk.FakeBlockDevices;

/** The testkit example of the README, kept compiling and true. */
class ReadmeExampleTest {

  @TempDir Path temp;

  @Test
  void dataDiskIsSelectedThroughItsPartition() {
    Path root = FakeBlockDevices.builder()
        .scsiDisk("sda", GiB(20)).partition(1, GiB(1)).partition(2, GiB(19) - MiB(2)).done()
        .nvmeDisk("nvme0n1", GiB(100)).alias("xvdf").partition(1, GiB(99)).done()
        .lvmVolume("vg0", "root", GiB(18), "sda2")
        .mount("/", "vg0-root", "xfs").mount("/boot", "sda1", "xfs")
        .writeTo(temp);
    Host host = LocalHost.rootedAt(root);

    Selection selection = ReplicationSelection.of(DiskInventory.of(host).read(), DevicePaths.of(host))
        .select(SelectionRequest.devices("/dev/xvdf"));

    assertThat(selection.paths()).containsExactly("/dev/nvme0n1", "/dev/sda");
  }
}
