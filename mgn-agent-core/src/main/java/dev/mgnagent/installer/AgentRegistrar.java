package dev.mgnagent.installer;

import dev.mgnagent.Sleeper;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.host.Host;
import dev.mgnagent.installer.internal.DefaultAgentRegistrar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Seed steps 3 to 7: runs a verified installer, answers its prompts (the secret, the session token,
 * the disk list) on its stdin, reads the source server ID from its output, and confirms with {@code
 * DescribeSourceServers} that MGN registered the selected disks.
 *
 * <pre>{@code
 * Registration registration = AgentRegistrar.builder()
 *     .confirmWith(serviceClient)      // optional: keys that may call DescribeSourceServers
 *     .build()
 *     .register(verified, RegistrationRequest.builder()
 *         .region(Region.EU_WEST_3).credentials(installerKeys).selection(selection).build());
 * }</pre>
 *
 * <p>The installer runs in a new session without a controlling terminal, through {@code sudo -n}
 * when mgn-agent is not root. Its output is streamed as events with secrets masked; on timeout its
 * whole process tree is killed.
 */
public interface AgentRegistrar {

  static Builder builder() {
    return new DefaultAgentRegistrar.BuilderImpl();
  }

  /**
   * Installs the agent with {@code installer}, which must come from {@link
   * dev.mgnagent.installer.InstallerVerifier}.
   *
   * @throws InstallerFailedException when the installer ran and failed, with the reason recognized
   * @throws dev.mgnagent.InvalidRequestException for a request the installer would refuse (such as
   *     {@code --force-volumes} without the opt-in for the secret)
   */
  Registration register(VerificationResult.Verified installer, RegistrationRequest request);

  /**
   * The command line {@link #register} would run for an installer at {@code installerPath}, with
   * secrets shown as {@code ****}: the seed's "custom installation command", for a dry run.
   */
  List<String> commandLine(Path installerPath, InstallerFlavor flavor, RegistrationRequest request);

  /** Configures an {@link AgentRegistrar}; every setting has a default. */
  interface Builder {
    /** The host the installer runs on (default: this machine). */
    Builder host(Host host);

    /**
     * How long the installer may run and how the registration is confirmed (default {@link
     * RegistrarSettings#defaults()}).
     */
    Builder settings(RegistrarSettings settings);

    /**
     * How long the installer may run before its process tree is killed (default 30 minutes); short
     * for changing {@link #settings(RegistrarSettings)}.
     */
    Builder timeout(Duration timeout);

    /** Receives the installer's output and the prompts answered. */
    Builder eventListener(EventListener listener);

    /**
     * A client for the confirmation call; without one, the confirmation is skipped with a warning.
     */
    Builder confirmWith(MgnClient client);

    /**
     * How often to look for the registered disks, and how many times (default 2 s, 30 times); short
     * for changing {@link #settings(RegistrarSettings)}.
     */
    Builder confirmationPolling(Duration interval, int attempts);

    /** How to wait between confirmation polls (default: the thread sleeps). */
    Builder sleeper(Sleeper sleeper);

    /**
     * Whether to run the installer directly (root) or through {@code sudo -n}; default: ask {@code
     * id -u}.
     */
    Builder runAsRoot(boolean root);

    /**
     * The clock the timeout and the unknown-prompt wait are measured on (default: the system
     * clock).
     */
    Builder clock(java.time.Clock clock);

    /**
     * How long the installer may sit silent on a question mgn-agent does not know (text since the
     * last newline ending in {@code :}, {@code ?}, {@code ]} or {@code >}) before it is stopped
     * with {@link InstallerFailure#UNKNOWN_PROMPT} (default 60 seconds).
     */
    Builder unknownPromptWait(Duration wait);

    AgentRegistrar build();
  }
}
