import dev.mgnagent.Secret;
import software.amazon.awssdk.regions.Region;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.installer.DownloadSettings;
import dev.mgnagent.host.Host;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.Backoff;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * N installations of N different fake hosts at once, from this JVM through the core API, against
 * one fake MGN (one MgnSandbox per host sharing it, since each fake installer's launcher differs).
 * Run by bench/parallel-installs.sh. Prints, per N: the wall time, the installs per second, the peak
 * heap used by this driver JVM (sampled every 50 ms), this JVM's RSS high-water mark (VmHWM: a
 * process-wide peak, so it only grows from one N to the next) and the peak summed RSS of the
 * fake installer processes running at once (each is a JVM of its own).
 */
public final class ParallelInstalls {

  public static void main(String[] args) throws Exception {
    int threads = Integer.getInteger("threads", 8);
    List<Integer> sizes = new ArrayList<>();
    for (String arg : args) {
      sizes.add(Integer.parseInt(arg));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(50, 200, 500);
    }
    System.out.printf(Locale.ROOT, "pool: %d threads; max heap %d MiB%n", threads,
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.println("installs  wall_s  per_s  heap_peak_MiB  driver_VmHWM_MiB  installers_rss_peak_MiB  distinct_ids");
    for (int n : sizes) {
      run(n, threads);
    }
  }

  private static void run(int n, int threads) throws Exception {
    Path work = Files.createTempDirectory("mgn-agent-bench-");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong heapPeak = new AtomicLong();
    AtomicLong childrenPeak = new AtomicLong();
    List<MgnSandbox> sandboxes = new ArrayList<>();
    System.gc();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        childrenPeak.accumulateAndGet(descendantsRssKib(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    try (FakeMgn mgn = FakeMgn.builder().region("eu-west-3").initialized(true)
        .sandboxSimulation().build().start()) {
      for (int i = 0; i < n; i++) {
        // one sandbox per host (its own tree, installer and bucket), all sharing one MGN
        MgnSandbox sandbox = MgnSandbox.builder().sharedMgn(mgn)
            .host(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
            .workDirectory(work.resolve("host-" + i))
            .hostname("bench-" + i)
            .macAddress(String.format(Locale.ROOT, "02:42:ac:%02x:%02x:%02x",
                (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff))
            .flavors(InstallerFlavor.BINARY)
            .build();
        sandboxes.add(sandbox);
        sandbox.start();
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      sampler.start();
      long start = System.nanoTime();
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Host host = sandboxes.get(i).host();
        FakeInstallerBucket bucket = sandboxes.get(i).bucket();
        results.add(pool.submit(() -> AgentInstallation.builder()
            .host(host)
            .runAsRoot(true)
            .registrarSettings(RegistrarSettings.builder().installerTimeout(Duration.ofMinutes(5))
                .confirmationInterval(Duration.ofMillis(200)).confirmationAttempts(100).build())
            .downloadSettings(DownloadSettings.builder().maxAttempts(3).backoff(Backoff.NONE)
                .stallTimeout(Duration.ofSeconds(30)).build())
            .build()
            .install(InstallRequest.builder().region(Region.EU_WEST_3)
                .accessKeyId(mgn.adminCredentials().accessKeyId())
                .secretAccessKey(Secret.of(mgn.adminCredentials().secretAccessKey()))
                .endpoint(mgn.endpoint()).s3Endpoint(bucket.endpoint()).noPrompt(true).build())
            .sourceServerId().value()));
      }
      Set<String> ids = new HashSet<>();
      for (Future<String> result : results) {
        ids.add(result.get());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      sampler.interrupt();
      System.out.printf(Locale.ROOT, "%8d  %6.1f  %5.2f  %13d  %16d  %23d  %12d%n", n, seconds,
          n / seconds, heapPeak.get() >> 20, vmHwmKib() >> 10, childrenPeak.get() >> 10,
          ids.size());
      if (ids.size() != n || mgn.sourceServers().size() != n) {
        throw new AssertionError("expected " + n + " distinct source servers, got " + ids.size()
            + " IDs and " + mgn.sourceServers().size() + " servers");
      }
    } finally {
      sampler.interrupt();
      sandboxes.forEach(MgnSandbox::close);
      try (Stream<Path> paths = Files.walk(work)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long vmHwmKib() {
    return statusField(Path.of("/proc/self/status"), "VmHWM:");
  }

  /** The summed RSS of this JVM's descendants (the fake installers and their shells), in KiB. */
  private static long descendantsRssKib() {
    return ProcessHandle.current().descendants()
        .mapToLong(p -> statusField(Path.of("/proc", Long.toString(p.pid()), "status"), "VmRSS:"))
        .sum();
  }

  private static long statusField(Path status, String field) {
    try (Stream<String> lines = Files.lines(status)) {
      return lines.filter(l -> l.startsWith(field)).findFirst()
          .map(l -> Long.parseLong(l.substring(field.length()).strip().split("\\s+")[0]))
          .orElse(0L);
    } catch (Exception e) {
      return 0;
    }
  }
}
