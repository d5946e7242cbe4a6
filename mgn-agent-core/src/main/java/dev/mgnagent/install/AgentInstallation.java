package dev.mgnagent.install;

import dev.mgnagent.Sleeper;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.host.Host;
import dev.mgnagent.install.internal.DefaultAgentInstallation;
import dev.mgnagent.installer.DownloadSettings;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.mgn.WatchSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The seed's whole procedure as one call: validate the request (the disks against the inventory
 * included), pick the credentials, run the preflight checks, make sure MGN is initialized, download
 * and verify the installer, select the disks, run the installer, confirm the registration and, when
 * asked, follow the initial sync. Each step is reported as events ({@code InstallStepStarted},
 * {@code InstallStepFinished}, {@code InstallStepFailed}) along with the installer's own output.
 *
 * <pre>{@code
 * InstallationResult result = AgentInstallation.builder()
 *     .eventListener(System.out::println)
 *     .build()
 *     .install(InstallRequest.builder().region(Region.EU_WEST_3).noPrompt(true)
 *         .devices("/dev/sdb1").build());
 * result.sourceServerId();
 * }</pre>
 *
 * <p>Failure safety: when a step fails, mgn-agent removes what it created itself (the temporary
 * directory it downloaded the installer into, or, in a caller's {@link Builder#workDirectory(Path)
 * work directory}, the installer file it downloaded there) and never touches what the installer did
 * on the server; an installer failure names the installer's log. On success the temporary directory
 * is removed too; a caller's work directory keeps the verified installer.
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
   * @throws dev.mgnagent.installer.InstallerMismatchException when the downloaded installer does
   *     not match its published digest (nothing was run)
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

  /**
   * Configures an {@link AgentInstallation}; every setting has a default. The settings of the steps
   * ({@link DownloadSettings}, {@link RegistrarSettings}, {@link WatchSettings}) are the same
   * objects the step's own builder takes, with their defaults in one place.
   */
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
     * How the installer download connects and retries (default {@link
     * DownloadSettings#defaults()}).
     */
    Builder downloadSettings(DownloadSettings settings);

    /**
     * How long the installer may run and how its registration is confirmed (default {@link
     * RegistrarSettings#defaults()}).
     */
    Builder registrarSettings(RegistrarSettings settings);

    /**
     * How often and how long to follow the initial sync (default {@link WatchSettings#defaults()}).
     */
    Builder watchSettings(WatchSettings settings);

    /** What waits for download backoffs and confirmation polls (default: the thread sleeps). */
    Builder sleeper(Sleeper sleeper);

    /**
     * How the MGN calls mgn-agent makes are retried (default: the AWS SDK's standard strategy:
     * throttling and 5xx errors and lost connections, 3 attempts with jittered backoff).
     */
    Builder mgnRetryStrategy(RetryStrategy strategy);

    /**
     * Credentials for the service-side calls ({@code InitializeService}, {@code
     * DescribeSourceServers}), when the installer's keys hold only the installation policy.
     */
    Builder serviceCredentials(AwsCredentialsProvider provider);

    /** Where the installer is downloaded from, per request (default: the documented URLs). */
    Builder installerLocation(Function<InstallRequest, InstallerLocation> location);

    /** Run the installer directly (true) or through {@code sudo -n}; default: ask {@code id -u}. */
    Builder runAsRoot(boolean root);

    /**
     * Use this installer, already downloaded and verified (by {@link
     * dev.mgnagent.installer.InstallerVerifier}), instead of downloading one: a fleet downloads
     * once and installs on every host with the same file. Its flavor must be the request's. The
     * file is the caller's: it is never moved or deleted. On this machine its SHA-512 is computed
     * again before it runs; on a remote host the uploaded copy is checked there. Default: download
     * and verify per installation.
     */
    Builder verifiedInstaller(VerificationResult.Verified installer);

    /**
     * The environment whose {@code https_proxy}/{@code no_proxy} route the download and the AWS
     * calls, which run on this machine. Default: the host's own environment for a local host; none
     * (direct) for a host reached remotely, whose proxy variables are the remote side's: give this
     * machine's environment there.
     */
    Builder proxyEnvironment(Map<String, String> environment);

    AgentInstallation build();
  }
}
