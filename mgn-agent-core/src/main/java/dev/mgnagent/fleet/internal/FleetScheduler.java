package dev.mgnagent.fleet.internal;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.internal.GuardedListener;
import dev.mgnagent.fleet.FailureLimit;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetHostFinished;
import dev.mgnagent.fleet.FleetHostStarted;
import dev.mgnagent.fleet.FleetProgress;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.FleetSchedulingStopped;
import dev.mgnagent.fleet.HostConnector;
import dev.mgnagent.fleet.HostFailure;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.HostUnreachableException;
import dev.mgnagent.fleet.RunningFleet;
import dev.mgnagent.host.Host;
import dev.mgnagent.install.InstallationResult;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one piece of work per host, at most {@code parallel} at once, in inventory order: connects
 * through the {@link HostConnector}, runs the {@link Job}, closes the host, and records the
 * outcome. Stops starting hosts when the failure limit is exceeded or on {@link #cancel()}; the
 * hosts never started become SKIPPED.
 */
public final class FleetScheduler implements RunningFleet {

  private static final System.Logger LOG = System.getLogger("dev.mgnagent.fleet");

  /** One host's work, run on a worker thread once the host is connected. */
  @FunctionalInterface
  public interface Job {
    /**
     * Does the work on {@code host} and says how it ended. Any exception thrown becomes FAILED (or
     * CANCELLED after a cancel).
     *
     * @param cancellation where to register what stops this host's work on {@link #cancel()}
     */
    Ended run(FleetHost fleetHost, Host host, Cancellation cancellation);
  }

  /**
   * How a host's work ended.
   *
   * @param status INSTALLED, FAILED or CANCELLED
   * @param installation what the installation achieved, when INSTALLED
   * @param failure why, when FAILED
   */
  public record Ended(
      HostStatus status,
      Optional<InstallationResult> installation,
      Optional<HostFailure> failure) {}

  /** Lets a job register how to stop it. */
  public interface Cancellation {
    /** Runs {@code stop} now if the fleet is already cancelled, else when it is. */
    void onCancel(Runnable stop);

    /** Whether the fleet was cancelled. */
    boolean cancelled();
  }

  private final List<FleetHost> hosts;
  private final HostConnector connector;
  private final int parallel;
  private final FailureLimit limit;
  private final EventListener listener;
  private final Clock clock;
  private final Job job;

  private final Object state = new Object();
  private final HostOutcome[] outcomes;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final Map<Integer, Runnable> cancellers = new ConcurrentHashMap<>();
  private final Semaphore permits;
  private final CompletableFuture<FleetResult> result = new CompletableFuture<>();
  private int running;
  private int started;
  private boolean limitExceeded;
  private boolean stopAnnounced;
  private Runnable whenDone = () -> {};

  public FleetScheduler(
      List<FleetHost> hosts,
      HostConnector connector,
      int parallel,
      FailureLimit limit,
      EventListener listener,
      Clock clock,
      Job job) {
    this.hosts = List.copyOf(hosts);
    this.connector = connector;
    this.parallel = parallel;
    this.limit = limit;
    this.listener = GuardedListener.guard(listener);
    this.clock = clock;
    this.job = job;
    this.outcomes = new HostOutcome[this.hosts.size()];
    this.permits = new Semaphore(parallel);
  }

  /** Runs {@code action} once every host has ended, before the result is complete. */
  public FleetScheduler whenDone(Runnable action) {
    this.whenDone = Objects.requireNonNull(action, "action");
    return this;
  }

  /** Starts the coordinator thread and returns this handle. */
  public FleetScheduler start() {
    Thread coordinator = new Thread(this::coordinate, "mgn-agent-fleet");
    coordinator.setDaemon(true);
    coordinator.start();
    return this;
  }

  @Override
  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      // wakes the coordinator if it waits for a free slot
      permits.release();
      cancellers.values().forEach(FleetScheduler::quietly);
    }
  }

  @Override
  public FleetResult await() throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
  }

  private void coordinate() {
    Instant begin = clock.instant();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            Math.min(parallel, Math.max(1, hosts.size())),
            r -> {
              Thread t = new Thread(r, "mgn-agent-fleet-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      int next = 0;
      for (; next < hosts.size(); next++) {
        permits.acquireUninterruptibly();
        int index = next;
        synchronized (state) {
          if (cancelled.get() || limitExceeded) {
            permits.release();
            break;
          }
          running++;
          started++;
          listener.onEvent(new FleetHostStarted(hosts.get(index), progress()));
        }
        workers.execute(() -> runHost(index));
      }
      synchronized (state) {
        if (next < hosts.size()) {
          announceStop();
          for (int i = next; i < hosts.size(); i++) {
            record(
                i,
                new HostOutcome(
                    hosts.get(i),
                    HostStatus.SKIPPED,
                    Optional.empty(),
                    Optional.empty(),
                    Duration.ZERO));
          }
        }
      }
      workers.shutdown();
      while (!workers.awaitTermination(1, java.util.concurrent.TimeUnit.DAYS)) {
        // hosts still running
      }
      whenDone.run();
      synchronized (state) {
        result.complete(
            new FleetResult(
                List.of(outcomes),
                Duration.between(begin, clock.instant()),
                cancelled.get(),
                limitExceeded));
      }
    } catch (Throwable e) {
      workers.shutdownNow();
      try {
        whenDone.run();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      result.completeExceptionally(e);
    }
  }

  private void runHost(int index) {
    FleetHost fleetHost = hosts.get(index);
    Instant begin = clock.instant();
    Ended ended;
    try {
      ended = connectAndRun(index, fleetHost);
    } catch (RuntimeException | Error e) {
      ended =
          new Ended(
              cancelled.get() ? HostStatus.CANCELLED : HostStatus.FAILED,
              Optional.empty(),
              Optional.of(Failures.of(Optional.empty(), e)));
    } finally {
      cancellers.remove(index);
    }
    HostOutcome outcome =
        new HostOutcome(
            fleetHost,
            ended.status(),
            ended.installation(),
            ended.failure(),
            Duration.between(begin, clock.instant()));
    synchronized (state) {
      running--;
      record(index, outcome);
      if (outcome.countsAsFailure() && !limitExceeded && limit.exceeded(failures(), hosts.size())) {
        limitExceeded = true;
        if (started < hosts.size()) {
          announceStop();
        }
      }
    }
    permits.release();
  }

  private Ended connectAndRun(int index, FleetHost fleetHost) {
    if (cancelled.get()) {
      return new Ended(HostStatus.CANCELLED, Optional.empty(), Optional.empty());
    }
    Host host;
    ConnectInterrupter interrupter = new ConnectInterrupter(Thread.currentThread());
    cancellers.put(index, interrupter::interrupt);
    try {
      if (cancelled.get()) {
        return new Ended(HostStatus.CANCELLED, Optional.empty(), Optional.empty());
      }
      host = connector.connect(fleetHost);
    } catch (HostUnreachableException e) {
      if (cancelled.get()) {
        // the connect was cut short by the cancel (its pending session closed)
        return new Ended(HostStatus.CANCELLED, Optional.empty(), Optional.empty());
      }
      return new Ended(
          HostStatus.UNREACHABLE,
          Optional.empty(),
          Optional.of(
              new HostFailure(
                  Optional.empty(),
                  e.reason(),
                  e.getMessage() == null ? e.reason() : e.getMessage(),
                  e.remedy())));
    } finally {
      cancellers.remove(index);
      interrupter.done();
    }
    try {
      if (cancelled.get()) {
        return new Ended(HostStatus.CANCELLED, Optional.empty(), Optional.empty());
      }
      return job.run(fleetHost, host, cancellation(index));
    } finally {
      if (host instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.log(Level.WARNING, "closing the connection to " + fleetHost + " failed", e);
        }
      }
    }
  }

  /**
   * Interrupts a worker while it connects, so that a cancel cuts a blocked connect or login short
   * (the SSH connector closes the pending session when interrupted), and never after: once {@link
   * #done()} returns, the worker is not interrupted by it and holds no interrupt from it.
   */
  private static final class ConnectInterrupter {
    private final Thread worker;
    private boolean connecting = true;

    ConnectInterrupter(Thread worker) {
      this.worker = worker;
    }

    synchronized void interrupt() {
      if (connecting) {
        worker.interrupt();
      }
    }

    synchronized void done() {
      connecting = false;
      Thread.interrupted(); // clears an interrupt this one delivered
    }
  }

  private Cancellation cancellation(int index) {
    return new Cancellation() {
      @Override
      public void onCancel(Runnable stop) {
        cancellers.put(index, stop);
        if (cancelled.get()) {
          quietly(stop);
        }
      }

      @Override
      public boolean cancelled() {
        return cancelled.get();
      }
    };
  }

  private void record(int index, HostOutcome outcome) {
    outcomes[index] = outcome;
    listener.onEvent(new FleetHostFinished(outcome, progress()));
  }

  private void announceStop() {
    if (stopAnnounced) {
      return;
    }
    stopAnnounced = true;
    listener.onEvent(
        new FleetSchedulingStopped(
            cancelled.get()
                ? "the fleet was cancelled: no new host starts, running hosts are stopped"
                : "more than "
                    + limit.allowed(hosts.size())
                    + " host(s) failed (failure limit "
                    + limit
                    + "): no new host starts, running hosts finish",
            progress()));
  }

  private int failures() {
    int failures = 0;
    for (HostOutcome o : outcomes) {
      if (o != null && o.countsAsFailure()) {
        failures++;
      }
    }
    return failures;
  }

  private FleetProgress progress() {
    int[] counts = new int[HostStatus.values().length];
    int done = 0;
    for (HostOutcome o : outcomes) {
      if (o != null) {
        counts[o.status().ordinal()]++;
        done++;
      }
    }
    return new FleetProgress(
        hosts.size(),
        hosts.size() - done - running,
        running,
        counts[HostStatus.INSTALLED.ordinal()],
        counts[HostStatus.FAILED.ordinal()],
        counts[HostStatus.UNREACHABLE.ordinal()],
        counts[HostStatus.SKIPPED.ordinal()],
        counts[HostStatus.CANCELLED.ordinal()]);
  }

  private static void quietly(Runnable stop) {
    try {
      stop.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cancelling a host's work failed", e);
    }
  }
}
