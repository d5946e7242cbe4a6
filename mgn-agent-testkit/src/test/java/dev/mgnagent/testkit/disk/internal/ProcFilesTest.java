package dev.mgnagent.testkit.disk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcFilesTest {

  private static BlockNode disk(String name, int major, int minor, long sectors) {
    return new BlockNode(
        name,
        DeviceKind.VIRTIO,
        new MajorMinor(major, minor),
        Path.of("sys/devices/virtual/block").resolve(name),
        1,
        sectors);
  }

  @Test
  void partitionsUsesTheKernelsColumnsAndSkipsEmptyDevices() {
    BlockNode vda = disk("vda", 254, 0, 536870912L);
    new BlockNode(vda, "vda1", new MajorMinor(254, 1), 1, 2048, 4096);
    BlockNode loop = disk("loop0", 7, 0, 0);
    assertThat(ProcFiles.partitions(List.of(loop, vda)))
        .isEqualTo(
            "major minor  #blocks  name\n\n"
                + " 254        0  268435456 vda\n"
                + " 254        1       2048 vda1\n");
  }

  @Test
  void swapsAlignsLikeTheKernelAndLeavesOutTheHeaderPage() {
    BlockNode zram = disk("zram0", 252, 0, 8388608L);
    assertThat(ProcFiles.swaps(List.of(new ProcFiles.Swap(zram, 100))))
        .isEqualTo(
            "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
                + "/dev/zram0"
                + " ".repeat(30)
                + "partition\t4194300\t\t0\t\t100\n");
  }

  @Test
  void mountinfoEscapesLikeTheKernelsMangle() {
    assertThat(Mountinfo.escape("/mnt/a b\tc\\d\ne")).isEqualTo("/mnt/a\\040b\\011c\\134d\\012e");
  }
}
