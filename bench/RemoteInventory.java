import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import dev.mgnagent.testkit.disk.DiskBuilder;
import dev.mgnagent.testkit.disk.FakeBlockDevices;
import dev.mgnagent.testkit.disk.FakeBlockDevicesBuilder;
import dev.mgnagent.testkit.host.FakeLinuxHost;
import dev.mgnagent.testkit.ssh.FakeSshFleet;
import dev.mgnagent.testkit.ssh.FakeSshHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The disk inventory of one remote host over a slow link: a FakeSshFleet host whose every round
 * trip takes ROUND_TRIP ms (default 50), with DISKS disks of PARTS partitions (default 8 x 4), read
 * through SshHost the way mgn-agent reads it (one command prints every file) and, as the baseline
 * in the same run, file by file through SFTP (what it did before). Prints the median of RUNS runs
 * of the new way (after one warm-up), one run of the baseline (-DbaselineRuns=N for more), and the ratio. Run by bench/remote-inventory.sh.
 */
public final class RemoteInventory {

  public static void main(String[] args) throws Exception {
    int roundTripMs = Integer.getInteger("roundTrip", 50);
    int disks = Integer.getInteger("disks", 8);
    int parts = Integer.getInteger("parts", 4);
    int runs = Integer.getInteger("runs", 5);
    Path dir = Files.createTempDirectory("mgn-agent-bench-");
    try {
      FakeBlockDevicesBuilder devices = FakeBlockDevices.builder();
      for (int d = 0; d < disks; d++) {
        DiskBuilder disk = devices.nvmeDisk("nvme" + d + "n1", 64L << 30);
        for (int p = 1; p <= parts; p++) {
          disk.partition(p, 1L << 30);
        }
        disk.done();
      }
      devices.mount("/", "nvme0n1p1", "xfs");
      try (FakeSshFleet fleet =
          FakeSshFleet.builder()
              .directory(dir.resolve("fleet"))
              .host(
                  "far",
                  h ->
                      h.linuxHost(FakeLinuxHost.builder(devices))
                          .slowLink(Duration.ofMillis(roundTripMs)))
              .build()
              .start()) {
        FakeSshHost far = fleet.host("far");
        SshOptions options =
            SshOptions.builder(Map.of())
                .knownHosts(fleet.writeKnownHosts(dir.resolve("known_hosts")))
                .identity(fleet.clientKey(dir.resolve("keys")))
                .remoteRoot(far.root().toString())
                .build();
        try (SshHost host = SshHost.connect(SshTarget.parse(far.target().toString()), options)) {
          Host fileByFile = withoutCommands(host);
          System.out.printf(
              "remote inventory, %d disks x %d partitions, %d ms round trip, median of %d:%n",
              disks, parts, roundTripMs, runs);
          long batched = median(host, runs, disks, true);
          System.out.printf("  one command (now):         %6d ms%n", batched);
          // the baseline takes tens of seconds a run on a slow link: fewer runs, no warm-up (the
          // runs above warmed the JVM and the SFTP session)
          long baseline = median(fileByFile, Integer.getInteger("baselineRuns", 1), disks, false);
          System.out.printf("  file by file (baseline):   %6d ms%n", baseline);
          System.out.printf(
              "  speed-up: %.1fx; target under 2000 ms: %s%n",
              (double) baseline / Math.max(1, batched), batched < 2000 ? "met" : "MISSED");
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long median(Host host, int runs, int disks, boolean warmUp) {
    if (warmUp) {
      read(host, disks);
    }
    long[] ms = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      read(host, disks);
      ms[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }

  private static void read(Host host, int disks) {
    Inventory inventory = DiskInventory.of(host).read();
    if (inventory.disks().size() != disks) {
      throw new IllegalStateException("read " + inventory.disks().size() + " disks");
    }
  }

  /** The same host, its files read over SFTP, with no way to run a command: the old way. */
  private static Host withoutCommands(SshHost host) {
    CommandRunner none =
        command -> {
          throw new IOException("no commands in the baseline");
        };
    return new Host() {
      @Override
      public Path root() {
        return host.root();
      }

      @Override
      public Map<String, String> environment() {
        return host.environment();
      }

      @Override
      public CommandRunner commandRunner() {
        return none;
      }
    };
  }
}
