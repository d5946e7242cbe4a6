import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import dev.mgnagent.testkit.disk.DiskBuilder;
import dev.mgnagent.testkit.disk.FakeBlockDevices;
import dev.mgnagent.testkit.disk.FakeBlockDevicesBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Inventory + selection time on fake trees of N NVMe namespaces (spread over 32 controllers) with
 * 4 partitions each. Run by
 * bench/selection-scale.sh; prints, per size, the median of several runs in one JVM (after one
 * warm-up run) and the first (cold) run.
 */
public final class SelectionScale {

  private static final int RUNS = 5;

  public static void main(String[] args) throws Exception {
    for (String arg : args) {
      int disks = Integer.parseInt(arg);
      Path dir = Files.createTempDirectory("mgn-agent-bench-");
      try {
        measure(disks, dir.resolve("root"));
      } finally {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static void measure(int disks, Path root) {
    FakeBlockDevicesBuilder builder = FakeBlockDevices.builder();
    for (int i = 0; i < disks; i++) {
      DiskBuilder disk = builder.nvmeDisk(name(i), 8L << 30);
      for (int p = 1; p <= 4; p++) {
        disk.partition(p, 1L << 30);
      }
      disk.done();
    }
    builder.mount("/", name(0) + "p1", "ext4");
    long writeStart = System.nanoTime();
    builder.writeTo(root);
    long writeMs = (System.nanoTime() - writeStart) / 1_000_000;

    // Every other disk requested through one of its partitions: widening and de-duplication work.
    List<String> items = new ArrayList<>();
    for (int i = 0; i < disks; i += 2) {
      items.add("/dev/" + name(i) + "p" + (1 + i % 4));
    }
    SelectionRequest request = SelectionRequest.devices(String.join(",", items));
    Host host = LocalHost.rootedAt(root);

    long[] millis = new long[RUNS + 1];
    int selected = 0;
    for (int run = 0; run <= RUNS; run++) {
      long start = System.nanoTime();
      Inventory inventory = DiskInventory.of(host).read();
      Selection selection = ReplicationSelection.of(inventory, DevicePaths.of(host)).select(request);
      millis[run] = (System.nanoTime() - start) / 1_000_000;
      selected = selection.disks().size();
    }
    long cold = millis[0];
    long[] warm = Arrays.copyOfRange(millis, 1, millis.length);
    Arrays.sort(warm);
    System.out.printf(
        "%d disks x 4 partitions (%d block devices): inventory + selection of %d disks:"
            + " first run %d ms, median of %d warm runs %d ms (tree written in %d ms)%n",
        disks, disks * 5, selected, cold, RUNS, warm[RUNS / 2], writeMs);
  }

  /** Disk i as NVMe namespace {@code nvme<i % 32>n<i / 32 + 1>}. */
  private static String name(int index) {
    return "nvme" + (index % 32) + "n" + (index / 32 + 1);
  }
}
