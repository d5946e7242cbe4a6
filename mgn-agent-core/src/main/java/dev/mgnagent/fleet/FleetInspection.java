package dev.mgnagent.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.fleet.internal.FleetScheduler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs read-only {@link HostWork} (a preflight, a disk inventory) on every host of a fleet with the
 * same scheduling as {@link FleetInstallation}: at most {@code parallel} at once, in order, each
 * host reached through the {@link HostConnector} and closed afterwards. Every host gets one {@link
 * HostReport}, in the order given. {@link Running#cancel()} skips the hosts not started and stops
 * the running ones by closing their connections.
 *
 * <pre>{@code
 * List<HostReport<Inventory>> disks = FleetInspection
 *     .builder((fleetHost, host) -> DiskInventory.of(host).read())
 *     .hosts(inventory.hosts()).connector(connector).build().run();
 * }</pre>
 *
 * @param <T> what the work finds on each host
 */
public final class FleetInspection<T> {

  /** A running inspection, which can be cancelled: no new host starts, running ones are stopped. */
  public interface Running<T> {
    /**
     * Starts no more hosts (they are SKIPPED) and stops the running ones: each running host's
     * connection is closed (a {@link dev.mgnagent.host.Host} that is {@link AutoCloseable}), which
     * ends the work waiting on it, and the host is CANCELLED. Returns at once; calling it again
     * does nothing.
     */
    void cancel();

    /** Waits for every host's report, in the order the hosts were given. */
    List<HostReport<T>> await() throws InterruptedException;
  }

  private final Builder<T> settings;

  private FleetInspection(Builder<T> settings) {
    this.settings = settings;
  }

  /** A builder for running {@code work} on each host. */
  public static <T> Builder<T> builder(HostWork<T> work) {
    return new Builder<>(Objects.requireNonNull(work, "work"));
  }

  /** Runs the work on every host and returns every report. */
  public List<HostReport<T>> run() {
    Running<T> running = start();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return running.await();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts the work on threads of its own. */
  public Running<T> start() {
    Map<FleetHost, T> values = new ConcurrentHashMap<>();
    Consumer<HostReport<T>> onReport = settings.onReport;
    EventListener listener =
        EventListener.on(
            FleetHostFinished.class,
            finished -> onReport.accept(report(finished.outcome(), values)));
    FleetScheduler scheduler =
        new FleetScheduler(
                settings.hosts,
                settings.connector,
                settings.parallel,
                FailureLimit.none(),
                listener,
                settings.clock,
                (fleetHost, host, cancellation) -> {
                  // closing the connection is what stops work blocked on the host
                  cancellation.onCancel(() -> close(host));
                  T value = settings.work.run(fleetHost, host);
                  if (cancellation.cancelled()) {
                    // found over a connection being closed: not a report to trust
                    return new FleetScheduler.Ended(
                        HostStatus.CANCELLED, Optional.empty(), Optional.empty());
                  }
                  values.put(fleetHost, value);
                  return new FleetScheduler.Ended(
                      HostStatus.INSTALLED, Optional.empty(), Optional.empty());
                })
            .start();
    return new Running<T>() {
      @Override
      public void cancel() {
        scheduler.cancel();
      }

      @Override
      public List<HostReport<T>> await() throws InterruptedException {
        List<HostReport<T>> reports = new ArrayList<>();
        for (HostOutcome outcome : scheduler.await().outcomes()) {
          reports.add(report(outcome, values));
        }
        return reports;
      }
    };
  }

  private static void close(dev.mgnagent.host.Host host) {
    if (host instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // the host is being given up: a failed close changes nothing for its report
      }
    }
  }

  private static <T> HostReport<T> report(HostOutcome outcome, Map<FleetHost, T> values) {
    InspectionStatus status;
    switch (outcome.status()) {
      case INSTALLED:
        status = InspectionStatus.DONE;
        break;
      case FAILED:
        status = InspectionStatus.FAILED;
        break;
      case UNREACHABLE:
        status = InspectionStatus.UNREACHABLE;
        break;
      case SKIPPED:
        status = InspectionStatus.SKIPPED;
        break;
      default:
        status = InspectionStatus.CANCELLED;
        break;
    }
    return new HostReport<>(
        outcome.host(),
        status,
        status == InspectionStatus.DONE
            ? Optional.ofNullable(values.get(outcome.host()))
            : Optional.empty(),
        outcome.failure(),
        outcome.duration());
  }

  /**
   * Configures a {@link FleetInspection}; hosts and connector are required. Not thread-safe.
   *
   * @param <T> what the work finds
   */
  public static final class Builder<T> {
    private final HostWork<T> work;
    private List<FleetHost> hosts;
    private HostConnector connector;
    private int parallel = FleetInstallation.DEFAULT_PARALLEL;
    private Consumer<HostReport<T>> onReport = report -> {};
    private Clock clock = Clock.systemUTC();

    private Builder(HostWork<T> work) {
      this.work = work;
    }

    /** The hosts, in order (at least one; no host twice). */
    public Builder<T> hosts(List<FleetHost> hosts) {
      this.hosts = List.copyOf(Objects.requireNonNull(hosts, "hosts"));
      return this;
    }

    /** How each host is reached (required). */
    public Builder<T> connector(HostConnector connector) {
      this.connector = Objects.requireNonNull(connector, "connector");
      return this;
    }

    /** How many hosts at once, 1 to {@value FleetInstallation#MAX_PARALLEL} (default 10). */
    public Builder<T> parallel(int parallel) {
      if (parallel < 1 || parallel > FleetInstallation.MAX_PARALLEL) {
        throw new InvalidRequestException(
            "parallel",
            "parallel is "
                + parallel
                + "; give a number of hosts from 1 to "
                + FleetInstallation.MAX_PARALLEL);
      }
      this.parallel = parallel;
      return this;
    }

    /**
     * Receives each host's report as soon as it has one, one at a time (not in host order: hosts
     * finish when they finish).
     */
    public Builder<T> onReport(Consumer<HostReport<T>> onReport) {
      this.onReport = Objects.requireNonNull(onReport, "onReport");
      return this;
    }

    /** The clock durations are measured with (default: the system's). */
    public Builder<T> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The inspection. */
    public FleetInspection<T> build() {
      if (hosts == null || hosts.isEmpty()) {
        throw new InvalidRequestException("hosts", "a fleet needs at least one host");
      }
      FleetInventory.of(hosts);
      if (connector == null) {
        throw new InvalidRequestException("connector", "a fleet needs a connector to reach hosts");
      }
      return new FleetInspection<>(this);
    }
  }
}
