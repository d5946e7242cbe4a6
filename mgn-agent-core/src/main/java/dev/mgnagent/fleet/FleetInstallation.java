package dev.mgnagent.fleet;

import dev.mgnagent.credentials.TemporaryCredentials;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.fleet.internal.DefaultFleetInstallation;
import dev.mgnagent.install.InstallRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Installs the agent on many hosts: per host, the whole {@link
 * dev.mgnagent.install.AgentInstallation} runs against the {@link dev.mgnagent.host.Host} its
 * {@link HostConnector} gives, with the fleet's shared {@link InstallRequest} completed by the
 * host's own devices, tags and user-provided ID.
 *
 * <pre>{@code
 * FleetResult result = FleetInstallation.builder()
 *     .hosts(FleetInventory.read(Path.of("wave-1.csv")).hosts())
 *     .connector(connector)
 *     .request(InstallRequest.builder().region(Region.EU_WEST_3).noPrompt(true).build())
 *     .parallel(10)
 *     .maxFailures(FailureLimit.parse("10%"))
 *     .build()
 *     .install();
 * }</pre>
 *
 * <p>At most {@link Builder#parallel(int) parallel} hosts run at once, started in the order given.
 * Once more hosts have failed (FAILED or UNREACHABLE) than {@link
 * Builder#maxFailures(FailureLimit)} allows, no new host starts: running ones finish and the rest
 * are SKIPPED. Events of each host's installation reach the listener wrapped in a {@link
 * FleetHostEvent}; {@link FleetHostStarted}, {@link FleetHostFinished} and {@link
 * FleetSchedulingStopped} report the fleet's progress.
 */
public interface FleetInstallation {

  /** The default number of hosts installed at once. */
  int DEFAULT_PARALLEL = 10;

  /** The most hosts installed at once. */
  int MAX_PARALLEL = 1000;

  static Builder builder() {
    return new DefaultFleetInstallation.BuilderImpl();
  }

  /** Installs on every host and returns when each has its outcome. */
  FleetResult install();

  /** Starts {@link #install()} on threads of its own and returns a handle that can cancel it. */
  RunningFleet start();

  /** The request the installation of {@code host} runs with (one of this fleet's hosts). */
  InstallRequest requestFor(FleetHost host);

  /** Configures a {@link FleetInstallation}; hosts, connector and request are required. */
  interface Builder {
    /** The hosts, in the order they are started (at least one; no host twice). */
    Builder hosts(List<FleetHost> hosts);

    /** How each host is reached (required). */
    Builder connector(HostConnector connector);

    /**
     * The install settings shared by every host: region, credentials, tags, flavor, endpoints and
     * so on (required). A host's own devices and user-provided ID replace the request's; its tags
     * are added to the request's, a host's value winning for a key both have.
     */
    Builder request(InstallRequest request);

    /** How many hosts are installed at once, 1 to {@value #MAX_PARALLEL} (default 10). */
    Builder parallel(int parallel);

    /** How many failed hosts are tolerated before no new host starts (default: no limit). */
    Builder maxFailures(FailureLimit limit);

    /** Receives the fleet's events and every host's, tagged with the host. */
    Builder eventListener(EventListener listener);

    /**
     * Makes the installation each host runs. By default the installer is downloaded and verified
     * once, on this machine, and each host's standard {@link
     * dev.mgnagent.install.AgentInstallation} uploads that file and checks its SHA-512 there. A
     * factory given here replaces that: it decides timeouts, settings and where the installer comes
     * from (for example {@link dev.mgnagent.install.AgentInstallation.Builder#verifiedInstaller}).
     */
    Builder installations(HostInstallationFactory factory);

    /**
     * This machine's environment (default: none): its {@code https_proxy}/{@code no_proxy} route
     * the fleet's download and AWS calls, and its {@code TMPDIR} holds the downloaded installer
     * (else {@code java.io.tmpdir}).
     */
    Builder localEnvironment(Map<String, String> environment);

    /**
     * Short-lived credentials for the installers instead of the request's (default: none, every
     * host uses the request's). {@code credentials} is called as each host starts, after it is
     * connected and before anything runs there; that host's installation uses the keys it returns,
     * and the request's keys or profile are not typed into any installer. An {@link
     * dev.mgnagent.credentials.AssumeRoleMinter}'s {@code current()} fits: it hands out one set
     * until that set nears its expiry. When it throws, that host is FAILED.
     */
    Builder installCredentials(Supplier<TemporaryCredentials> credentials);

    /** The clock durations are measured with (default: the system's). */
    Builder clock(Clock clock);

    /**
     * The fleet, every host's request checked first.
     *
     * @throws dev.mgnagent.InvalidRequestException when a setting is missing or wrong, or a host's
     *     request is invalid (the message names the host)
     */
    FleetInstallation build();
  }
}
