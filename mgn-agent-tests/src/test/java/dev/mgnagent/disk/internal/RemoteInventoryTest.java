package dev.mgnagent.disk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import dev.mgnagent.testkit.disk.DiskBuilder;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.disk.FakeBlockDevices;
import dev.mgnagent.testkit.disk.FakeBlockDevicesBuilder;
import dev.mgnagent.testkit.host.FakeLinuxHost;
import dev.mgnagent.testkit.ssh.FakeSshFleet;
import dev.mgnagent.testkit.ssh.FakeSshHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote disk inventory read in one command ({@link SysfsDump}) gives what reading file by file
 * gives, on every fake block-device scenario and on trees with links out of the root and files that
 * cannot be read; and over a slow link (50 ms a round trip) a host with 8 disks of 4 partitions is
 * read in under 2 s.
 */
class RemoteInventoryTest {

  @TempDir Path temp;

  @Test
  void theOneCommandReadsWhatFileByFileReadsOnEveryScenario() {
    for (Map.Entry<String, Supplier<FakeBlockDevicesBuilder>> scenario :
        FakeBlockDeviceScenarios.all().entrySet()) {
      Path root = scenario.getValue().get().writeTo(temp.resolve(scenario.getKey()));
      assertSameReading(scenario.getKey(), root);
    }
  }

  @Test
  void linksOutOfTheRootAndUnreadableFilesAreTreatedAlike() throws Exception {
    Path outside = temp.resolve("outside");
    Path elsewhere = FakeBlockDeviceScenarios.nitroNvme().writeTo(outside);
    Path root = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("root"));
    Path block = root.resolve("sys/block");
    // a device that is a link to another host's devices: never read
    Files.createSymbolicLink(block.resolve("nvme0n1"), elsewhere.resolve("sys/block/nvme0n1"));
    String disk;
    try (var list = Files.list(block)) {
      disk =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("vd"))
              .sorted()
              .findFirst()
              .orElseThrow();
    }
    Path dir = block.resolve(disk).toRealPath();
    // a file linked out of the tree, a FIFO, a directory where a file should be, a huge file
    Files.deleteIfExists(dir.resolve("serial"));
    Files.createSymbolicLink(
        dir.resolve("serial"), elsewhere.resolve("sys/block/nvme0n1").toRealPath().resolve("size"));
    Files.deleteIfExists(dir.resolve("removable"));
    new ProcessBuilder("mkfifo", dir.resolve("removable").toString()).start().waitFor();
    Files.deleteIfExists(dir.resolve("ro"));
    Files.createDirectories(dir.resolve("ro"));
    Files.writeString(dir.resolve("size"), "1".repeat(70_000));
    // a device directory with nothing in it
    Files.createDirectories(block.resolve("loop9"));

    assertSameReading("links and oddities", root);
  }

  private void assertSameReading(String what, Path root) {
    LocalHost host = LocalHost.rootedAt(root);
    SysfsDump.Result dump =
        DefaultDiskInventory.readInOneCommand(host)
            .orElseThrow(() -> new AssertionError(what + ": the one command did not run"));
    SysfsReader reader = new SysfsReader(root);
    assertThat(dump.devices()).as(what).isEqualTo(reader.readBlockDevices());
    Inventory batched =
        new InventoryAssembler(new DevicePathResolver(root)::kernelName)
            .assemble(dump.devices(), dump.mountInfo(), dump.mountInfoProblem());
    Inventory fileByFile = DefaultDiskInventory.readFileByFile(root, new DevicePathResolver(root));
    assertThat(batched).as(what).isEqualTo(fileByFile);
  }

  @Test
  void eightDisksOfFourPartitionsOverA50MsLinkInUnder2Seconds() throws Exception {
    FakeBlockDevicesBuilder devices = FakeBlockDevices.builder();
    for (int d = 0; d < 8; d++) {
      DiskBuilder disk = devices.nvmeDisk("nvme" + d + "n1", 64L << 30);
      for (int p = 1; p <= 4; p++) {
        disk.partition(p, 8L << 30);
      }
      disk.done();
    }
    devices.mount("/", "nvme0n1p1", "xfs").mount("/boot", "nvme0n1p2", "xfs");
    try (FakeSshFleet fleet =
        FakeSshFleet.builder()
            .directory(temp.resolve("fleet"))
            .host(
                "far",
                h -> h.linuxHost(FakeLinuxHost.builder(devices)).slowLink(Duration.ofMillis(50)))
            .build()
            .start()) {
      FakeSshHost far = fleet.host("far");
      SshOptions options =
          SshOptions.builder(Map.of())
              .knownHosts(fleet.writeKnownHosts(temp.resolve("known_hosts")))
              .identity(fleet.clientKey(temp.resolve("keys")))
              .remoteRoot(far.root().toString())
              .build();
      try (SshHost host = SshHost.connect(SshTarget.parse(far.target().toString()), options)) {
        // the best of three reads: the figure is the link's, not the shared CPU's load
        Duration took = null;
        Inventory inventory = null;
        for (int run = 0; run < 3; run++) {
          long start = System.nanoTime();
          inventory = new DefaultDiskInventory(host).read();
          Duration once = Duration.ofNanos(System.nanoTime() - start);
          took = took == null || once.compareTo(took) < 0 ? once : took;
        }
        System.out.println("remote inventory over a 50 ms link: " + took.toMillis() + " ms");

        assertThat(inventory.disks()).hasSize(8);
        assertThat(inventory.disks()).allSatisfy(d -> assertThat(d.partitions()).hasSize(4));
        assertThat(took).as("inventory over a 50 ms link").isLessThan(Duration.ofSeconds(2));
        // the same as reading the same tree file by file on this machine
        assertThat(inventory)
            .isEqualTo(new DefaultDiskInventory(LocalHost.rootedAt(far.root())).read());
      }
    }
  }
}
