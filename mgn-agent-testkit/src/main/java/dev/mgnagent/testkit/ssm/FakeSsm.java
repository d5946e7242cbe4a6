package dev.mgnagent.testkit.ssm;

import com.sun.net.httpserver.HttpServer;
import dev.mgnagent.testkit.Startable;
import dev.mgnagent.testkit.aws.internal.KeyRing;
import dev.mgnagent.testkit.aws.internal.SigV4Verifier;
import dev.mgnagent.testkit.host.FakeLinuxHost;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.internal.LoopbackHttpServer;
import dev.mgnagent.testkit.ssm.internal.Node;
import dev.mgnagent.testkit.ssm.internal.SsmHttpHandler;
import dev.mgnagent.testkit.ssm.internal.SsmService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * A fake AWS Systems Manager for Run Command that the real {@code SsmClient} accepts: JSON 1.1 on
 * {@code http://127.0.0.1:PORT} ({@code POST /}, {@code X-Amz-Target: AmazonSSM.<Operation>}, SigV4
 * verified against the keys {@linkplain #addCredentials added}), with {@code SendCommand}, {@code
 * ListCommands}, {@code ListCommandInvocations}, {@code GetCommandInvocation}, {@code
 * CancelCommand} and {@code DescribeInstanceInformation}, validated as the service model says.
 *
 * <pre>{@code
 * try (FakeSsm ssm = FakeSsm.builder().directory(tempDir)
 *     .instance("web-1", i -> i.tag("Wave", "1"))
 *     .instance("web-2", i -> i.failingCommand("curl", 22))
 *     .instance("gone", FakeSsmInstanceBuilder::offline)
 *     .build().start()) {
 *   ssm.addCredentials(operatorKeys);
 *   SsmClient client = SsmClient.builder().endpointOverride(ssm.endpoint())...
 * }
 * }</pre>
 *
 * <p>Each managed instance is a fake Linux host tree of its own (hostname, MAC); an invocation of
 * {@code AWS-RunShellScript} writes the {@code commands} to a script file and runs it as a real
 * local process, {@code bash <file>}, with stdin from {@code /dev/null}, the instance's bin
 * directory first on {@code PATH}, its own {@code HOME} and {@code TMPDIR}, and {@value
 * FakeInstaller#HOST_ROOT_VARIABLE} naming its tree (so the fake installer registers under the
 * instance's identity). Processes run as the user running the test.
 *
 * <p>The lifecycle runs on the builder's clock, checked every {@link Builder#tick(Duration) tick}:
 * Pending, In Progress, then Success, Failed, Execution Timed Out, Delivery Timed Out,
 * Undeliverable, Terminated or Cancelled; delivery ramps up (1 node, then 2 more, then 4 more...)
 * within {@code MaxConcurrency}; once errors (Failed, Execution Timed Out) exceed {@code MaxErrors}
 * the nodes not started end Terminated. Outputs are cut as the service cuts them (24,000 and 8,000
 * characters in {@code GetCommandInvocation}, 2,500 in a plugin's {@code Output}), and {@code
 * GetCommandInvocation} can answer {@code InvocationDoesNotExist} for its first lookups. Which
 * {@code Status} Undeliverable and Terminated carry is not documented; both are settings.
 */
public final class FakeSsm implements Startable {

  private static final String BASE_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final Builder b;
  private final KeyRing keys;
  private final List<FakeManagedInstance> instances = new ArrayList<>();
  private SsmService service;
  private SsmHttpHandler handler;
  private HttpServer server;
  private ExecutorService executor;
  private ScheduledExecutorService ticker;
  private boolean started;

  private FakeSsm(Builder b) {
    this.b = b;
    this.keys = new KeyRing(b.accountId);
  }

  /** A builder; it needs a directory and at least one instance. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes every instance's tree and starts serving.
   *
   * @throws IllegalStateException when started before
   */
  @Override
  public synchronized FakeSsm start() {
    if (started) {
      throw new IllegalStateException("this FakeSsm was started before");
    }
    started = true;
    try {
      List<Node> nodes = new ArrayList<>();
      int n = 0;
      for (FakeSsmInstanceBuilder spec : b.specs.values()) {
        n++;
        nodes.add(node(spec, n));
      }
      service =
          new SsmService(
              nodes,
              b.clock,
              new SsmService.Settings(
                  b.region,
                  b.missingLookups,
                  b.undeliverableStatus,
                  b.terminatedStatus,
                  b.sampleCommandLines));
      handler = new SsmHttpHandler(service, new SigV4Verifier(b.region, "ssm", b.wallClock, keys));
      server = LoopbackHttpServer.create(0);
      executor =
          Executors.newFixedThreadPool(
              8,
              r -> {
                Thread t = new Thread(r, "fake-ssm-http");
                t.setDaemon(true);
                return t;
              });
      server.setExecutor(executor);
      server.createContext("/", handler);
      server.start();
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "fake-ssm-lifecycle");
                t.setDaemon(true);
                return t;
              });
      long micros = b.tick.toNanos() / 1000;
      ticker.scheduleWithFixedDelay(this::tickQuietly, micros, micros, TimeUnit.MICROSECONDS);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot start the fake SSM: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return this;
  }

  private void tickQuietly() {
    try {
      service.tick();
    } catch (RuntimeException e) {
      // the next tick tries again; a broken tick must not stop the lifecycle
    }
  }

  private Node node(FakeSsmInstanceBuilder spec, int n) throws IOException {
    Path base = b.directory.resolve(spec.name);
    FakeLinuxHost linux = spec.linuxHost.writeTo(base.resolve("root"));
    Path root = linux.root().toAbsolutePath();
    write(root, "proc/sys/kernel/hostname", spec.hostname + "\n");
    write(root, "etc/hostname", spec.hostname + "\n");
    write(
        root,
        "etc/hosts",
        "127.0.0.1   localhost\n10.0.0.10   "
            + spec.hostname
            + ".example.internal "
            + spec.hostname
            + "\n");
    write(root, "sys/class/net/lo/address", "00:00:00:00:00:00\n");
    write(root, "sys/class/net/eth0/address", spec.macAddress + "\n");
    Path bin = base.resolve("bin");
    Path home = base.resolve("home");
    Path tmp = base.resolve("tmp");
    Files.createDirectories(bin);
    Files.createDirectories(home);
    Files.createDirectories(tmp);
    for (Map.Entry<String, Integer> failing : spec.failingCommands.entrySet()) {
      Path stub = bin.resolve(failing.getKey());
      Files.writeString(
          stub,
          "#!/bin/sh\necho \""
              + failing.getKey()
              + ": simulated failure on "
              + spec.name
              + "\" >&2\nexit "
              + failing.getValue()
              + "\n",
          StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Map<String, String> env = new LinkedHashMap<>(linux.environment());
    env.put("PATH", bin.toAbsolutePath() + ":" + BASE_PATH);
    env.put("HOME", home.toAbsolutePath().toString());
    env.put("TMPDIR", tmp.toAbsolutePath().toString());
    env.put("USER", "root");
    env.put("LOGNAME", "root");
    env.put("SHELL", "/bin/sh");
    env.put("LANG", "C.UTF-8");
    env.put(FakeInstaller.HOST_ROOT_VARIABLE, root.toString());
    env.putAll(b.environment);
    String id = String.format("mi-%017x", 0x0ab0000000000000L + n);
    FakeManagedInstance info =
        new FakeManagedInstance(spec.name, id, root, spec.hostname, spec.macAddress, spec.tags);
    instances.add(info);
    return new Node(
        info,
        spec.pingStatus,
        spec.fault == FakeSsmInstanceBuilder.Fault.UNDELIVERABLE,
        spec.fault == FakeSsmInstanceBuilder.Fault.HANGS,
        spec.pickupDelay,
        base.resolve("ssm").toAbsolutePath(),
        env);
  }

  private static void write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Accepts these keys (long-term or session) for every operation. */
  public FakeSsm addCredentials(AwsCredentials credentials) {
    keys.add(credentials, Set.of("*"), "ssm-operator");
    return this;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public synchronized URI endpoint() {
    requireStarted();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The region requests must be signed for. */
  public String region() {
    return b.region;
  }

  /** The managed instances, in the order they were added. */
  public synchronized List<FakeManagedInstance> instances() {
    requireStarted();
    return List.copyOf(instances);
  }

  /** The instance of this name. */
  public synchronized FakeManagedInstance instance(String name) {
    return instances().stream()
        .filter(i -> i.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no instance named " + name));
  }

  /** Every instance's ID, in order. */
  public List<String> instanceIds() {
    return instances().stream().map(FakeManagedInstance::instanceId).toList();
  }

  /** Every call answered so far, request and response bodies as sent. */
  public List<RecordedExchange> exchanges() {
    requireStarted();
    return handler.exchanges().stream()
        .map(e -> new RecordedExchange(e.operation(), e.status(), e.request(), e.response()))
        .toList();
  }

  /** Every command line seen among the instances' processes and their descendants. */
  public List<String> commandLines() {
    requireStarted();
    return service.commandLines();
  }

  /** The most invocations that were ever In Progress at once, across all commands. */
  public int peakRunning() {
    requireStarted();
    return service.peakRunning();
  }

  /** How many commands were sent. */
  public int commandCount() {
    requireStarted();
    return service.commandCount();
  }

  /** Each instance's last invocation's {@code StatusDetails}, by instance ID. */
  public Map<String, String> statusDetails() {
    requireStarted();
    return service.statusDetails();
  }

  /** Stops serving and kills every process still running; the files stay. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (server != null) {
      server.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
    if (service != null) {
      service.killAll();
    }
  }

  private void requireStarted() {
    if (!started || service == null) {
      throw new IllegalStateException("start the FakeSsm first");
    }
  }

  /** Configures a {@link FakeSsm}. */
  public static final class Builder {
    private Path directory;
    private String region = "us-east-1";
    private String accountId = "111122223333";
    private Clock clock = Clock.systemUTC();
    private Clock wallClock = Clock.systemUTC();
    private final Map<String, FakeSsmInstanceBuilder> specs = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private int missingLookups;
    private String undeliverableStatus = "Failed";
    private String terminatedStatus = "Cancelled";
    private Duration tick = Duration.ofMillis(20);
    private boolean sampleCommandLines = true;

    private Builder() {}

    /**
     * Whether the command lines of the instances' processes are read (every fourth tick, one pass
     * over {@code /proc}) for {@link FakeSsm#commandLines()}; on by default, off for large fleets.
     */
    public Builder sampleCommandLines(boolean sample) {
      this.sampleCommandLines = sample;
      return this;
    }

    /** Required: where the instances' trees and invocation files go (a test's temp dir). */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
      return this;
    }

    /** The region requests are signed for (default us-east-1). */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The account the keys belong to. */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** The clock of the lifecycle: timestamps, delivery and execution timeouts, slow pickups. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The clock request signatures are checked against (default: the system's). */
    public Builder wallClock(Clock wallClock) {
      this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
      return this;
    }

    /** A healthy instance of this name. */
    public Builder instance(String name) {
      return instance(name, i -> {});
    }

    /** An instance of this name, configured by {@code configure}. */
    public Builder instance(String name, Consumer<FakeSsmInstanceBuilder> configure) {
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw new IllegalArgumentException("not an instance name: " + name);
      }
      if (specs.containsKey(name)) {
        throw new IllegalArgumentException("two instances named " + name);
      }
      int n = specs.size() + 1;
      FakeSsmInstanceBuilder spec =
          new FakeSsmInstanceBuilder(
              name, name, String.format("0a:50:5e:00:%02x:%02x", (n >> 8) & 0xff, n & 0xff));
      configure.accept(spec);
      specs.put(name, spec);
      return this;
    }

    /** {@code count} healthy instances named {@code node-1}, {@code node-2}... */
    public Builder instances(int count) {
      for (int i = 1; i <= count; i++) {
        instance("node-" + i);
      }
      return this;
    }

    /** Variables added to every instance's process environment. */
    public Builder environment(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    /** How many first {@code GetCommandInvocation}s of each invocation answer it does not exist. */
    public Builder invocationMissingLookups(int lookups) {
      this.missingLookups = lookups;
      return this;
    }

    /** The {@code Status} an Undeliverable invocation carries (default Failed). */
    public Builder undeliverableStatus(String status) {
      this.undeliverableStatus = Objects.requireNonNull(status, "status");
      return this;
    }

    /** The {@code Status} a Terminated invocation carries (default Cancelled). */
    public Builder terminatedStatus(String status) {
      this.terminatedStatus = Objects.requireNonNull(status, "status");
      return this;
    }

    /** How often (real time) the lifecycle is moved along (default 20 ms). */
    public Builder tick(Duration tick) {
      this.tick = Objects.requireNonNull(tick, "tick");
      return this;
    }

    public FakeSsm build() {
      if (directory == null) {
        throw new IllegalStateException("a FakeSsm needs a directory");
      }
      if (specs.isEmpty()) {
        throw new IllegalStateException("a FakeSsm needs at least one instance");
      }
      return new FakeSsm(this);
    }
  }
}
