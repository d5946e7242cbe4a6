package dev.mgnagent.tests.fleet;

import dev.mgnagent.MgnAgentException;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.HostConnector;
import dev.mgnagent.fleet.HostInstallationFactory;
import dev.mgnagent.fleet.HostUnreachableException;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFailed;
import dev.mgnagent.install.InstallStepStarted;
import dev.mgnagent.install.InstallationCancelledException;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.install.RunningInstallation;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.selection.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted per-host step for testing the fleet's scheduling only: each host's "installation"
 * announces that it started, then waits until the test releases it (or the fleet cancels it), and
 * ends as the test scripted (installed, failed). Hosts are local directories; a connector refuses
 * the hosts marked unreachable. No sleeps: everything waits on futures the test completes.
 */
final class ScriptedInstallations implements HostInstallationFactory, HostConnector {

  private final Path root;
  private final Map<String, CompletableFuture<Void>> arrived = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Boolean>> gates = new ConcurrentHashMap<>();
  private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
  private final Set<String> closed = ConcurrentHashMap.newKeySet();
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxRunning = new AtomicInteger();
  private final Map<String, InstallRequest> requests = new ConcurrentHashMap<>();

  ScriptedInstallations(Path root) {
    this.root = root;
  }

  /** Hosts {@code host-0} ... {@code host-(n-1)}. */
  static List<FleetHost> hosts(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> FleetHost.of("host-" + i)).toList();
  }

  void unreachable(String address) {
    unreachable.add(address);
  }

  /** Lets {@code address} end: installed when {@code succeed}, failed otherwise. */
  void release(String address, boolean succeed) {
    gate(address).complete(succeed);
  }

  /** Lets every host end at once as soon as it starts. */
  void releaseAll(boolean succeed, int n) {
    for (int i = 0; i < n; i++) {
      release("host-" + i, succeed);
    }
  }

  /** Completes when {@code address}'s installation has started. */
  CompletableFuture<Void> arrived(String address) {
    return arrived.computeIfAbsent(address, a -> new CompletableFuture<>());
  }

  int maxRunning() {
    return maxRunning.get();
  }

  Set<String> closed() {
    return closed;
  }

  Set<String> cancelled() {
    return cancelled;
  }

  InstallRequest request(String address) {
    return requests.get(address);
  }

  private CompletableFuture<Boolean> gate(String address) {
    return gates.computeIfAbsent(address, a -> new CompletableFuture<>());
  }

  @Override
  public Host connect(FleetHost host) {
    if (unreachable.contains(host.address())) {
      throw new HostUnreachableException(
          "UNREACHABLE",
          "cannot connect to " + host + ": connection refused.",
          "Check that the host is up and its SSH port open.");
    }
    try {
      Path dir = Files.createDirectories(root.resolve(host.address()));
      return new ClosableHost(LocalHost.rootedAt(dir), () -> closed.add(host.address()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public AgentInstallation create(FleetHost fleetHost, Host host, EventListener listener) {
    String address = fleetHost.address();
    return new AgentInstallation() {
      @Override
      public InstallationResult install(InstallRequest request) {
        throw new UnsupportedOperationException("the fleet starts installations");
      }

      @Override
      public RunningInstallation start(InstallRequest request) {
        requests.put(address, request);
        CompletableFuture<InstallationResult> done = new CompletableFuture<>();
        CompletableFuture<Boolean> stop = new CompletableFuture<>();
        Thread thread =
            new Thread(
                () -> {
                  int now = running.incrementAndGet();
                  maxRunning.accumulateAndGet(now, Math::max);
                  // no longer running before the fleet can learn the end: it may start the next
                  // host at once, and counting that one before this one left would be a false 4
                  AtomicBoolean left = new AtomicBoolean();
                  Runnable leave =
                      () -> {
                        if (left.compareAndSet(false, true)) {
                          running.decrementAndGet();
                        }
                      };
                  try {
                    listener.onEvent(new InstallStepStarted(InstallStep.INSTALL, "scripted"));
                    arrived(address).complete(null);
                    boolean succeed = (Boolean) CompletableFuture.anyOf(gate(address), stop).join();
                    leave.run();
                    if (stop.isDone()) {
                      cancelled.add(address);
                      done.completeExceptionally(new InstallationCancelledException(null));
                    } else if (succeed) {
                      done.complete(
                          new InstallationResult(
                              new SourceServerId(sourceServerId(address)),
                              new Selection(List.of(), List.of(), false),
                              List.of(),
                              List.of(),
                              Optional.empty()));
                    } else {
                      listener.onEvent(new InstallStepFailed(InstallStep.INSTALL, "scripted"));
                      done.completeExceptionally(
                          new MgnAgentException("the scripted installer failed on " + address));
                    }
                  } finally {
                    leave.run();
                  }
                },
                "scripted-" + address);
        thread.setDaemon(true);
        thread.start();
        return new RunningInstallation() {
          @Override
          public void cancel() {
            stop.complete(true);
          }

          @Override
          public InstallationResult await() throws InterruptedException {
            try {
              return done.get();
            } catch (java.util.concurrent.ExecutionException e) {
              throw (RuntimeException) e.getCause();
            }
          }
        };
      }

      @Override
      public List<String> dryRun(InstallRequest request) {
        return List.of();
      }
    };
  }

  /** {@code s-} and 17 characters derived from the address. */
  static String sourceServerId(String address) {
    String digits = address.replaceAll("[^0-9a-zA-Z]", "").toLowerCase(Locale.ROOT);
    return "s-" + (digits + "00000000000000000").substring(0, 17);
  }

  /** A host that records its closing. */
  private static final class ClosableHost implements Host, AutoCloseable {
    private final Host host;
    private final Runnable onClose;

    ClosableHost(Host host, Runnable onClose) {
      this.host = host;
      this.onClose = onClose;
    }

    @Override
    public Path root() {
      return host.root();
    }

    @Override
    public Map<String, String> environment() {
      return host.environment();
    }

    @Override
    public dev.mgnagent.host.CommandRunner commandRunner() {
      return host.commandRunner();
    }

    @Override
    public void close() {
      onClose.run();
    }
  }
}
