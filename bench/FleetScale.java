import dev.mgnagent.Backoff;
import dev.mgnagent.Secret;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostInstallationFactory;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.SshHostConnector;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.installer.DownloadSettings;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.installer.LightInstaller;
import dev.mgnagent.testkit.installer.PromptMode;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import dev.mgnagent.testkit.ssh.FakeSshFleet;
import dev.mgnagent.testkit.ssh.FakeSshHost;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * The fleet benchmarks, run by bench/fleet-scale.sh, each part in a JVM of its own:
 *
 * <ul>
 *   <li>{@code serve DIR N normal|light|light-stderr}: the fake side. N fake SSH hosts ({@link FakeSshFleet})
 *       and a fake MGN with its installer bucket (an {@link MgnSandbox}'s, publishing the normal
 *       fake installer, a JVM per run; or a {@link LightInstaller}, bash and curl only). Writes
 *       DIR/fleet.properties (ports, host trees, key, known_hosts, endpoints), prints "ready", and
 *       serves until its stdin ends; then prints how many source servers were registered.
 *   <li>{@code fleet DIR PARALLEL}: the driver. A {@link FleetInstallation} over SSH of every host
 *       of DIR/fleet.properties at PARALLEL. Its JVM is the one whose heap, threads and file
 *       handles are measured (run it with -Xmx).
 *   <li>{@code cmf DIR PARALLEL}: the baseline, {@link CmfBaseline}.
 * </ul>
 *
 * The keys the installers use are a fixed fake pair the server adds to its fake MGN; they are never
 * written to a file.
 */
public final class FleetScale {

  static final String KEY_ID = "AKIABENCHFLEET000020";
  static final String SECRET = "BenchFleetSecretKey+notARealKey/K7MDENGbPx";
  static final String REGION = "eu-west-3";

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "serve" -> serve(Path.of(args[1]), Integer.parseInt(args[2]), args[3]);
      case "fleet" -> fleet(Path.of(args[1]), Integer.parseInt(args[2]));
      case "cmf" -> CmfBaseline.run(Path.of(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("serve, fleet or cmf, not " + args[0]);
    }
  }

  // ---------------------------------------------------------------- the fake side

  static void serve(Path dir, int n, String installer) throws Exception {
    long start = System.nanoTime();
    MgnSandbox sandbox = null;
    FakeMgn mgn;
    FakeInstallerBucket bucket;
    if (installer.equals("normal")) {
      sandbox =
          MgnSandbox.builder()
              .region(REGION)
              .initialized(true)
              .flavors(InstallerFlavor.BINARY)
              .workDirectory(dir.resolve("sandbox"))
              .build()
              .start();
      mgn = sandbox.mgn();
      bucket = sandbox.bucket();
    } else {
      mgn = FakeMgn.builder().region(REGION).initialized(true).sandboxSimulation().build().start();
      // "light": the secret prompt on stdout; "light-stderr": on stderr (see docs/benchmarks.md)
      PromptMode prompts =
          installer.equals("light-stderr") ? PromptMode.GETPASS : PromptMode.MASKED_ON_STDOUT;
      byte[] launcher =
          LightInstaller.builder()
              .mgnEndpoint(mgn.endpoint())
              .promptMode(prompts)
              .build()
              .launcher();
      bucket =
          FakeInstallerBucket.builder()
              .region(REGION)
              .installer(InstallerFlavor.BINARY, launcher)
              .build()
              .start();
    }
    mgn.addCredentials(AwsBasicCredentials.create(KEY_ID, SECRET), Set.of("*"));
    FakeSshFleet.Builder builder = FakeSshFleet.builder().directory(dir.resolve("fleet"));
    for (int i = 0; i < n; i++) {
      builder.host(String.format(Locale.ROOT, "host-%04d", i));
    }
    try (FakeSshFleet fleet = builder.build().start()) {
      Properties p = new Properties();
      p.setProperty("user", fleet.hosts().get(0).target().user());
      p.setProperty("knownHosts", fleet.writeKnownHosts(dir.resolve("known_hosts")).toString());
      p.setProperty("identity", fleet.clientKey(dir.resolve("keys")).toString());
      p.setProperty("mgnEndpoint", mgn.endpoint().toString());
      p.setProperty("s3Endpoint", bucket.endpoint().toString());
      p.setProperty("installerUrl", bucket.installerUrl(InstallerFlavor.BINARY).toString());
      p.setProperty("hosts", Integer.toString(n));
      int i = 0;
      for (FakeSshHost host : fleet.hosts()) {
        p.setProperty("host." + i + ".name", host.name());
        p.setProperty("host." + i + ".port", Integer.toString(host.target().port()));
        p.setProperty("host." + i + ".root", host.root().toString());
        i++;
      }
      try (var out = Files.newBufferedWriter(dir.resolve("fleet.properties"))) {
        p.store(out, "fleet-scale");
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      System.out.printf(
          Locale.ROOT,
          "serve: %d hosts (%s installer) up in %.1f s; fake side: %d threads, %d open files%n",
          n,
          installer,
          (System.nanoTime() - start) / 1e9,
          threads.getThreadCount(),
          openFiles());
      System.out.println("ready");
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("count")) {
          System.out.println("registered " + mgn.sourceServers().size());
          Map<String, Integer> calls = new java.util.TreeMap<>();
          mgn.requests().forEach(r -> calls.merge(String.valueOf(r.operation()), 1, Integer::sum));
          System.out.println("serve: MGN calls " + calls);
          System.out.flush();
        }
      }
      long commands = 0;
      for (FakeSshHost host : fleet.hosts()) {
        commands += host.processes().size();
      }
      // what one host ran, for the log (not shown by the script)
      for (var process : fleet.hosts().get(0).processes()) {
        String c = process.command().replace('\n', ' ');
        System.out.println("  ran on host 0: " + (c.length() > 2000 ? c.substring(0, 2000) + "..." : c));
      }
      long[] cpu = cpuTicks();
      System.out.printf(
          Locale.ROOT,
          "serve: peak %d threads on the fake side; %d commands run on the hosts (%.1f per host);"
              + " CPU of the fake side %.1f s, of the commands and installers it ran %.1f s%n",
          threads.getPeakThreadCount(),
          commands,
          commands / (double) n,
          cpu[0] / 100.0,
          cpu[1] / 100.0);
    } finally {
      if (sandbox != null) {
        sandbox.close();
      } else {
        bucket.close();
        mgn.close();
      }
    }
  }

  // ---------------------------------------------------------------- the driver

  /** The served fleet, as the driver sees it. */
  record Served(Properties p, List<FleetHost> hosts, Map<Integer, String> rootByPort) {
    static Served load(Path dir) throws Exception {
      Properties p = new Properties();
      try (var in = Files.newBufferedReader(dir.resolve("fleet.properties"))) {
        p.load(in);
      }
      int n = Integer.parseInt(p.getProperty("hosts"));
      List<FleetHost> hosts = new ArrayList<>();
      Map<Integer, String> rootByPort = new HashMap<>();
      for (int i = 0; i < n; i++) {
        int port = Integer.parseInt(p.getProperty("host." + i + ".port"));
        hosts.add(FleetHost.builder().address("127.0.0.1").port(port).build());
        rootByPort.put(port, p.getProperty("host." + i + ".root"));
      }
      return new Served(p, hosts, rootByPort);
    }

    String get(String key) {
      return p.getProperty(key);
    }
  }

  static void fleet(Path dir, int parallel) throws Exception {
    Served served = Served.load(dir);
    Map<String, String> local = new HashMap<>();
    local.put("HOME", dir.resolve("driver-home").toString());
    local.put("USER", "bench");
    SshHostConnector connector =
        SshHostConnector.builder(local)
            .knownHosts(Path.of(served.get("knownHosts")))
            .identity(Path.of(served.get("identity")))
            .user(served.get("user"))
            .options(o -> o.knownHosts(Path.of(served.get("knownHosts"))).killGrace(Duration.ZERO))
            .perHost((host, o) -> o.remoteRoot(served.rootByPort().get(host.port().orElseThrow())))
            .build();
    HostInstallationFactory installations =
        HostInstallationFactory.configured(
            b ->
                b.registrarSettings(
                        RegistrarSettings.builder()
                            .installerTimeout(Duration.ofMinutes(5))
                            .confirmationInterval(Duration.ofMillis(200))
                            .confirmationAttempts(100)
                            .build())
                    .downloadSettings(
                        DownloadSettings.builder().maxAttempts(3).backoff(Backoff.NONE).build()));
    InstallRequest request =
        InstallRequest.builder()
            .region(Region.of(REGION))
            .accessKeyId(KEY_ID)
            .secretAccessKey(Secret.of(SECRET))
            .endpoint(URI.create(served.get("mgnEndpoint")))
            .s3Endpoint(URI.create(served.get("s3Endpoint")))
            .sandbox(true)
            .noPrompt(true)
            .build();
    Meter meter = Meter.start();
    FleetResult result =
        FleetInstallation.builder()
            .hosts(served.hosts())
            .connector(connector)
            .installations(installations)
            .request(request)
            .parallel(parallel)
            .build()
            .install();
    Meter.Figures figures = meter.stop();
    long installed = result.count(HostStatus.INSTALLED);
    Set<String> ids = new HashSet<>();
    long sumMs = 0;
    long maxMs = 0;
    for (HostOutcome outcome : result.outcomes()) {
      outcome.sourceServerId().ifPresent(id -> ids.add(id.value()));
      sumMs += outcome.duration().toMillis();
      maxMs = Math.max(maxMs, outcome.duration().toMillis());
    }
    report("fleet", served.hosts().size(), parallel, installed, ids.size(), sumMs, maxMs, figures);
    result.outcomes().stream()
        .filter(o -> o.status() != HostStatus.INSTALLED)
        .limit(5)
        .forEach(
            o ->
                System.out.println(
                    "  not installed: "
                        + o.host()
                        + " "
                        + o.status()
                        + o.failure().map(f -> " " + f.reason() + ": " + f.message()).orElse("")));
  }

  static void report(
      String mode,
      int hosts,
      int parallel,
      long installed,
      int distinctIds,
      long sumMs,
      long maxMs,
      Meter.Figures f) {
    System.out.printf(
        Locale.ROOT,
        "RESULT mode=%s hosts=%d parallel=%d installed=%d distinct_ids=%d wall_s=%.1f"
            + " sum_single_s=%.1f speedup=%.1f slowest_host_s=%.1f heap_peak_MiB=%d"
            + " heap_pools_peak_MiB=%d live_after_gc_peak_MiB=%d gc_count=%d gc_ms=%d"
            + " max_heap_MiB=%d threads_peak=%d open_files_peak=%d rss_hwm_MiB=%d cpu_s=%.1f%n",
        mode,
        hosts,
        parallel,
        installed,
        distinctIds,
        f.wallSeconds(),
        sumMs / 1000.0,
        sumMs / 1000.0 / f.wallSeconds(),
        maxMs / 1000.0,
        f.heapPeak() >> 20,
        f.poolsPeak() >> 20,
        f.liveAfterGcPeak() >> 20,
        f.gcCount(),
        f.gcMillis(),
        Runtime.getRuntime().maxMemory() >> 20,
        f.threadsPeak(),
        f.openFilesPeak(),
        statusField("VmHWM:") >> 10,
        f.cpuSeconds());
  }

  // ---------------------------------------------------------------- measuring

  /** Samples this JVM's heap, threads and open files every 50 ms; reads the GC beans at the end. */
  static final class Meter {
    record Figures(
        double wallSeconds,
        long heapPeak,
        long poolsPeak,
        long liveAfterGcPeak,
        long gcCount,
        long gcMillis,
        int threadsPeak,
        long openFilesPeak,
        double cpuSeconds) {}

    private final AtomicLong heapPeak = new AtomicLong();
    private final AtomicLong filesPeak = new AtomicLong();
    private final Thread sampler;
    private final long start;
    private final long gcCount0;
    private final long gcMillis0;
    private final long cpu0;

    private Meter() {
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      ManagementFactory.getThreadMXBean().resetPeakThreadCount();
      gcCount0 = gcCount();
      gcMillis0 = gcMillis();
      cpu0 = processCpuNanos();
      var memory = ManagementFactory.getMemoryMXBean();
      sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  filesPeak.accumulateAndGet(openFiles(), Math::max);
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "bench-sampler");
      sampler.setDaemon(true);
      sampler.start();
      start = System.nanoTime();
    }

    static Meter start() {
      return new Meter();
    }

    Figures stop() {
      double wall = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();
      long pools = 0;
      long afterGc = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pools += pool.getPeakUsage().getUsed();
          if (pool.getCollectionUsage() != null) {
            afterGc += pool.getCollectionUsage().getUsed();
          }
        }
      }
      return new Figures(
          wall,
          heapPeak.get(),
          pools,
          afterGc,
          gcCount() - gcCount0,
          gcMillis() - gcMillis0,
          ManagementFactory.getThreadMXBean().getPeakThreadCount(),
          filesPeak.get(),
          (processCpuNanos() - cpu0) / 1e9);
    }

    private static long gcCount() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionCount)
          .sum();
    }

    private static long gcMillis() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionTime)
          .sum();
    }

    private static long processCpuNanos() {
      var os = ManagementFactory.getOperatingSystemMXBean();
      if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
        return sun.getProcessCpuTime();
      }
      return 0;
    }
  }

  static long openFiles() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * This process's CPU time and that of its ended children (the commands the fake hosts ran), in
   * clock ticks (USER_HZ, 100 a second on Linux), from /proc/self/stat.
   */
  static long[] cpuTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17
      return new long[] {
        Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])
      };
    } catch (Exception e) {
      return new long[] {-1, -1};
    }
  }

  static long statusField(String field) {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
      return lines
          .filter(l -> l.startsWith(field))
          .findFirst()
          .map(l -> Long.parseLong(l.substring(field.length()).strip().split("\\s+")[0]))
          .orElse(0L);
    } catch (Exception e) {
      return 0;
    }
  }
}
