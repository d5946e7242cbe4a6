package dev.mgnagent.tests.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An attribute file of a --host-root tree that links outside the tree is never read. */
class HostRootSymlinkTest {

  private static final String OUTSIDE = "private-line-outside-the-tree";

  @TempDir Path temp;

  @Test
  void aSerialLinkingOutOfTheTreeIsNotFollowed() throws Exception {
    Path root = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("root"));
    Path secret = Files.writeString(temp.resolve("outside"), OUTSIDE + "\n");
    Path serial = root.resolve("sys/block/vdb").toRealPath().resolve("serial");
    Files.delete(serial);
    Files.createSymbolicLink(serial, secret);

    Inventory inventory = DiskInventory.of(LocalHost.rootedAt(root)).read();

    assertThat(inventory.toString()).doesNotContain(OUTSIDE);
    assertThat(inventory.disks())
        .allSatisfy(d -> assertThat(d.serial()).isNotEqualTo(java.util.Optional.of(OUTSIDE)));
  }

  @Test
  void aSerialLinkingInsideTheTreeIsRead() throws Exception {
    Path root = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("root"));
    Path inside = Files.writeString(root.resolve("serial-inside"), "inside-0001\n");
    Path serial = root.resolve("sys/block/vdb").toRealPath().resolve("serial");
    Files.delete(serial);
    Files.createSymbolicLink(serial, inside);

    Inventory inventory = DiskInventory.of(LocalHost.rootedAt(root)).read();

    assertThat(inventory.disks().get(1).serial()).contains("inside-0001");
  }
}
