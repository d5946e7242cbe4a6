package dev.mgnagent.fleet.internal;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Tags;
import dev.mgnagent.credentials.TemporaryCredentials;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.fleet.FailureLimit;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetHostEvent;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.FleetInventory;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostConnector;
import dev.mgnagent.fleet.HostInstallationFactory;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.RunningFleet;
import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandResult;
import dev.mgnagent.host.Host;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFailed;
import dev.mgnagent.install.InstallationCancelledException;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.install.RunningInstallation;
import dev.mgnagent.install.internal.DefaultAgentInstallation;
import dev.mgnagent.installer.InstallerUploadRemoved;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.mgn.internal.SharedMgnClients;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The {@link FleetInstallation}: per-host requests, then the {@link FleetScheduler}. */
public final class DefaultFleetInstallation implements FleetInstallation {

  private final List<FleetHost> hosts;
  private final HostConnector connector;
  private final Map<FleetHost, InstallRequest> requests;
  private final int parallel;
  private final FailureLimit limit;
  private final EventListener listener;
  private final HostInstallationFactory installations;
  private final boolean downloadOnce;
  private final Map<String, String> localEnvironment;
  private final Clock clock;
  private final Optional<Supplier<TemporaryCredentials>> installCredentials;

  private DefaultFleetInstallation(BuilderImpl b, Map<FleetHost, InstallRequest> requests) {
    this.hosts = b.hosts;
    this.connector = b.connector;
    this.requests = requests;
    this.parallel = b.parallel;
    this.limit = b.limit;
    this.listener = b.listener;
    this.installations = b.installations;
    this.downloadOnce = b.installations instanceof HostInstallationFactory.Configured;
    this.localEnvironment = b.localEnvironment;
    this.clock = b.clock;
    this.installCredentials = Optional.ofNullable(b.installCredentials);
  }

  @Override
  public FleetResult install() {
    RunningFleet running = start();
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

  @Override
  public RunningFleet start() {
    // with configured standard installations the installer is downloaded and verified once, here,
    // and uploaded to each host; a factory of the caller's own decides that itself
    SharedInstaller shared = downloadOnce ? new SharedInstaller(localEnvironment) : null;
    // and the hosts' installations share their MGN clients (one per set of credentials), closed
    // when the last host has ended
    SharedMgnClients clients = downloadOnce ? new SharedMgnClients() : null;
    FleetScheduler.Job job =
        (fleetHost, host, cancellation) ->
            installOn(fleetHost, host, cancellation, shared, clients);
    FleetScheduler scheduler =
        new FleetScheduler(hosts, connector, parallel, limit, listener, clock, job);
    if (shared != null) {
      scheduler.whenDone(
          () -> {
            try {
              shared.close();
            } finally {
              clients.close();
            }
          });
    }
    return scheduler.start();
  }

  @Override
  public InstallRequest requestFor(FleetHost host) {
    InstallRequest request = requests.get(host);
    if (request == null) {
      throw new InvalidRequestException("host", "the host " + host + " is not in this fleet");
    }
    return request;
  }

  private FleetScheduler.Ended installOn(
      FleetHost fleetHost,
      Host host,
      FleetScheduler.Cancellation cancellation,
      SharedInstaller shared,
      SharedMgnClients clients) {
    AtomicReference<InstallStep> failedStep = new AtomicReference<>();
    List<String> leftOnHost = Collections.synchronizedList(new ArrayList<>());
    EventListener tagged =
        event -> {
          if (event instanceof InstallStepFailed failed) {
            failedStep.set(failed.step());
          }
          if (event instanceof InstallerUploadRemoved removal && !removal.removed()) {
            leftOnHost.add(removal.remoteDirectory());
          }
          listener.onEvent(new FleetHostEvent(fleetHost, event));
        };
    InstallRequest request = withInstallCredentials(requestFor(fleetHost));
    HostInstallationFactory factory = installations;
    if (shared != null) {
      VerificationResult.Verified installer = shared.get(request, tagged);
      factory =
          ((HostInstallationFactory.Configured) installations)
              .andThen(b -> b.verifiedInstaller(installer).proxyEnvironment(localEnvironment))
              .andThen(
                  b -> {
                    if (b instanceof DefaultAgentInstallation.BuilderImpl standard) {
                      standard.sharedMgnClients(clients);
                    }
                  });
    }
    RunningInstallation running = factory.create(fleetHost, host, tagged).start(request);
    cancellation.onCancel(running::cancel);
    try {
      return awaitOutcome(running, failedStep, cancellation);
    } finally {
      if (!leftOnHost.isEmpty()) {
        removeOverNewConnection(fleetHost, List.copyOf(leftOnHost), tagged);
      }
    }
  }

  /** The request with the keys of {@link Builder#installCredentials}, when given. */
  private InstallRequest withInstallCredentials(InstallRequest request) {
    if (installCredentials.isEmpty()) {
      return request;
    }
    TemporaryCredentials keys =
        Objects.requireNonNull(installCredentials.get().get(), "installCredentials gave null");
    return request.toBuilder()
        .accessKeyId(keys.accessKeyId())
        .secretAccessKey(keys.secretAccessKey())
        .sessionToken(keys.sessionToken())
        .build();
  }

  /**
   * The installer's upload could not be removed (its connection was lost): one new connection to
   * the host removes it, so that nothing of mgn-agent is left there when the host can be reached.
   */
  private void removeOverNewConnection(
      FleetHost fleetHost, List<String> directories, EventListener tagged) {
    Host again;
    try {
      again = connector.connect(fleetHost);
    } catch (RuntimeException e) {
      return; // unreachable now: the InstallerUploadRemoved(removed=false) event names what is left
    }
    try {
      for (String directory : directories) {
        boolean removed;
        try {
          CommandResult rm =
              CommandResult.run(
                  again.commandRunner(),
                  new Command(
                      List.of("rm", "-rf", "--", directory),
                      again.environment(),
                      Optional.empty(),
                      false),
                  Duration.ofMinutes(1));
          removed = rm.exitCode().equals(OptionalInt.of(0));
        } catch (IOException | RuntimeException e) {
          removed = false;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          removed = false;
        }
        if (removed) {
          tagged.onEvent(new InstallerUploadRemoved(directory, true));
        }
      }
    } finally {
      if (again instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // the work is done; a failed close changes nothing for the host
        }
      }
    }
  }

  private static FleetScheduler.Ended awaitOutcome(
      RunningInstallation running,
      AtomicReference<InstallStep> failedStep,
      FleetScheduler.Cancellation cancellation) {
    try {
      InstallationResult result = awaitUninterruptibly(running);
      return new FleetScheduler.Ended(HostStatus.INSTALLED, Optional.of(result), Optional.empty());
    } catch (InstallationCancelledException e) {
      return new FleetScheduler.Ended(HostStatus.CANCELLED, Optional.empty(), Optional.empty());
    } catch (RuntimeException e) {
      return new FleetScheduler.Ended(
          cancellation.cancelled() ? HostStatus.CANCELLED : HostStatus.FAILED,
          Optional.empty(),
          Optional.of(Failures.of(Optional.ofNullable(failedStep.get()), e)));
    }
  }

  private static InstallationResult awaitUninterruptibly(RunningInstallation running) {
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

  /** The request for one host: the template with the host's own values. */
  static InstallRequest requestFor(InstallRequest template, FleetHost host) {
    InstallRequest.Builder builder = template.toBuilder();
    host.devices().ifPresent(builder::devices);
    host.userProvidedId().ifPresent(builder::userProvidedId);
    if (!host.tags().isEmpty()) {
      Map<String, String> merged = new LinkedHashMap<>(template.tags().asMap());
      merged.putAll(host.tags().asMap());
      builder.tags(Tags.of(merged));
    }
    return builder.build();
  }

  /** The builder behind {@link FleetInstallation#builder()}. */
  public static final class BuilderImpl implements FleetInstallation.Builder {
    private List<FleetHost> hosts;
    private HostConnector connector;
    private InstallRequest request;
    private int parallel = DEFAULT_PARALLEL;
    private FailureLimit limit = FailureLimit.none();
    private EventListener listener = EventListener.NONE;
    private HostInstallationFactory installations = HostInstallationFactory.standard();
    private Map<String, String> localEnvironment = Map.of();
    private Clock clock = Clock.systemUTC();
    private Supplier<TemporaryCredentials> installCredentials;

    @Override
    public Builder hosts(List<FleetHost> hosts) {
      this.hosts = List.copyOf(Objects.requireNonNull(hosts, "hosts"));
      return this;
    }

    @Override
    public Builder connector(HostConnector connector) {
      this.connector = Objects.requireNonNull(connector, "connector");
      return this;
    }

    @Override
    public Builder request(InstallRequest request) {
      this.request = Objects.requireNonNull(request, "request");
      return this;
    }

    @Override
    public Builder parallel(int parallel) {
      if (parallel < 1 || parallel > MAX_PARALLEL) {
        throw new InvalidRequestException(
            "parallel",
            "parallel is " + parallel + "; give a number of hosts from 1 to " + MAX_PARALLEL);
      }
      this.parallel = parallel;
      return this;
    }

    @Override
    public Builder maxFailures(FailureLimit limit) {
      this.limit = Objects.requireNonNull(limit, "limit");
      return this;
    }

    @Override
    public Builder eventListener(EventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    @Override
    public Builder installations(HostInstallationFactory factory) {
      this.installations = Objects.requireNonNull(factory, "factory");
      return this;
    }

    @Override
    public Builder localEnvironment(Map<String, String> environment) {
      this.localEnvironment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
      return this;
    }

    @Override
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    @Override
    public Builder installCredentials(Supplier<TemporaryCredentials> credentials) {
      this.installCredentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    @Override
    public FleetInstallation build() {
      if (hosts == null || hosts.isEmpty()) {
        throw new InvalidRequestException("hosts", "a fleet needs at least one host");
      }
      FleetInventory.of(hosts); // no host twice, no user-provided ID twice
      if (connector == null) {
        throw new InvalidRequestException("connector", "a fleet needs a connector to reach hosts");
      }
      if (request == null) {
        throw new InvalidRequestException("request", "a fleet needs the shared install request");
      }
      if (request.userProvidedId().isPresent() && hosts.size() > 1) {
        throw new InvalidRequestException(
            "userProvidedId",
            "a user-provided ID names one source server; give it per host, not for the whole"
                + " fleet");
      }
      Map<FleetHost, InstallRequest> requests = new HashMap<>();
      for (FleetHost host : hosts) {
        try {
          requests.put(host, requestFor(request, host));
        } catch (InvalidRequestException e) {
          throw new InvalidRequestException(
              e.parameter().orElse(null), "host " + host + ": " + e.getMessage());
        }
      }
      return new DefaultFleetInstallation(this, requests);
    }
  }
}
