package dev.mgnagent.install;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.host.Host;
import dev.mgnagent.install.internal.DefaultAgentInstallation;
import dev.mgnagent.Backoff;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The seed's whole procedure as one call: validate the request (the disks against the inventory
 * included), pick the credentials, run the preflight checks, make sure MGN is initialized,
 * download and verify the installer, select the disks, run the installer, confirm the
 * registration and, when asked, follow the initial sync. Each step is
 * reported as events ({@code InstallStepStarted}, {@code InstallStepFinished}, {@code
 * InstallStepFailed}) along with the installer's own output.
 *
 * <pre>{@code
 * InstallationResult result = AgentInstallation.builder()
 *     .eventListener(System.out::println)
 *     .build()
 *     .install(InstallRequest.builder("eu-west-3").noPrompt(true).devices("/dev/sdb1").build());
 * result.sourceServerId();
 * }</pre>
 *
 * <p>Failure safety: when a step fails, mgn-agent removes what it created itself (the temporary
 * directory it downloaded the installer into, or, in a caller's {@link
 * Builder#workDirectory(Path) work directory}, the installer file it downloaded there) and never
 * touches what the installer did on the server; an installer failure names the installer's log.
 * On success the temporary directory is removed too; a caller's work directory keeps the verified
 * installer.
 */
public interface AgentInstallation {

  static Builder builder() {
    return new DefaultAgentInstallation.BuilderImpl();
  }

  /**
   * Installs the agent.
   *
   * @throws dev.mgnagent.InvalidRequestException for a request that cannot run (nothing was
   *     contacted or started)
   * @throws dev.mgnagent.MgnAgentException when a step fails; its message says which and what to do
   */
  InstallationResult install(InstallRequest request);

  /**
   * Starts {@link #install} on a new thread and returns a handle that can {@link
   * RunningInstallation#cancel() cancel} it and {@link RunningInstallation#await() wait} for it.
   * The request is not checked before the thread starts: {@code await()} throws what {@code
   * install} would.
   */
  RunningInstallation start(InstallRequest request);

  /**
   * The installer command line {@link #install} would run, secrets shown as {@code ****}, after
   * validating the request; nothing is downloaded or started.
   */
  List<String> dryRun(InstallRequest request);

  /** Configures an {@link AgentInstallation}; every setting has a default. */
  interface Builder {
    /** The server to install on (default: this machine). */
    Builder host(Host host);

    /** Receives every step and the installer's output. */
    Builder eventListener(EventListener listener);

    /**
     * Where the verified installer is downloaded (default: a new private temporary directory,
     * removed when the installation ends, whatever its outcome). In a directory given here the
     * verified installer is kept after a success and removed after a failure.
     */
    Builder workDirectory(Path directory);

    /**
     * How the installer download retries: attempts without progress, the delay before each retry,
     * how long a body may stay silent (default 5, 1 s doubling to 16 s, 30 s).
     */
    Builder downloadRetries(int maxAttempts, Backoff backoff, Duration stallTimeout);

    /** What waits for download backoffs and confirmation polls (default: the thread sleeps). */
    Builder sleeper(Sleeper sleeper);

    /** How often to look for the registered disks after the installer, and how many times (default 2 s, 30). */
    Builder confirmationPolling(Duration interval, int attempts);

    /**
     * How the MGN calls mgn-agent makes are retried (default: the AWS SDK's standard strategy:
     * throttling and 5xx errors and lost connections, 3 attempts with jittered backoff).
     */
    Builder mgnRetryStrategy(RetryStrategy strategy);

    /** How long the installer may run (default 30 minutes). */
    Builder installerTimeout(Duration timeout);

    /**
     * Credentials for the service-side calls ({@code InitializeService}, {@code
     * DescribeSourceServers}), when the installer's keys hold only the installation policy.
     */
    Builder serviceCredentials(AwsCredentialsProvider provider);

    /** Where the installer is downloaded from, per request (default: the documented URLs). */
    Builder installerLocation(Function<InstallRequest, InstallerLocation> location);

    /** How often to look at the initial sync, and for how long (default 10 s, 12 hours). */
    Builder watch(Duration interval, Duration timeout);

    /** Run the installer directly (true) or through {@code sudo -n}; default: ask {@code id -u}. */
    Builder runAsRoot(boolean root);

    AgentInstallation build();
  }
}
