package dev.mgnagent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verbatim fixture, recreated from the resources, still equals the machine it was captured
 * on. Elsewhere (no {@code /sys/block/vda}) the comparison is skipped.
 */
class RealVirtioFixtureTest {

  @TempDir Path temp;

  @Test
  void recreatedFixtureHasTheCapturedShape() {
    Path root = FakeBlockDevices.realVirtioWholeDiskFixture(temp);
    HostTree tree = new HostTree(root);
    assertThat(tree.read("sys/block/vda/dev")).isEqualTo("254:0\n");
    assertThat(tree.read("sys/block/vda/serial")).isEqualTo("overlayblk");
    assertThat(tree.read("sys/block/vda/device/vendor")).isEqualTo("0x1af4\n");
    assertThat(tree.list("sys/block/vda/holders")).isEmpty();
    assertThat(tree.list("sys/block/vda/slaves")).isEmpty();
    assertThat(tree.link("sys/block/vda/device")).isEqualTo("../../../virtio1");
    assertThat(tree.read("proc/partitions")).endsWith(" 254        0  268435456 vda\n");
    assertThat(tree.read("proc/self/mountinfo")).contains(" 254:0 / / rw,relatime - ext4 /dev/vda ");
  }

  @Test
  void recreatedFixtureEqualsThisMachineByteForByte() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/sys/block/vda")),
        "not the capture machine: /sys/block/vda does not exist");
    Path root = FakeBlockDevices.realVirtioWholeDiskFixture(temp);
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(root)) {
      entries = walk.filter(p -> !p.equals(root)).sorted().toList();
    }
    int files = 0;
    for (Path entry : entries) {
      String relative = root.relativize(entry).toString();
      Path real = Path.of("/").resolve(relative);
      if (relative.startsWith("dev/")) {
        continue; // device nodes are stand-ins, not captures
      }
      if (Files.isSymbolicLink(entry)) {
        assertThat(Files.readSymbolicLink(real)).as(relative)
            .isEqualTo(Files.readSymbolicLink(entry));
      } else if (Files.isRegularFile(entry)) {
        assertThat(Files.readAllBytes(real)).as(relative).isEqualTo(Files.readAllBytes(entry));
        files++;
      } else if (entry.getFileName().toString().equals("holders")
          || entry.getFileName().toString().equals("slaves")) {
        try (Stream<Path> children = Files.list(real)) {
          assertThat(children.count()).as(relative + " is empty on the machine").isZero();
        }
      } else {
        assertThat(real).as(relative).isDirectory();
      }
    }
    assertThat(files).isEqualTo(8);
  }
}
