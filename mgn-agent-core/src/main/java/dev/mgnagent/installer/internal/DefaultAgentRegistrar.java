package dev.mgnagent.installer.internal;

import dev.mgnagent.MgnAgentException;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.installer.InstallerFinished;
import dev.mgnagent.installer.InstallerStarted;
import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandResult;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.host.RunningCommand;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.Sleeper;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.installer.AgentRegistrar;
import dev.mgnagent.installer.InstallerFailedException;
import dev.mgnagent.installer.InstallerFailure;
import dev.mgnagent.installer.Registration;
import dev.mgnagent.installer.RegistrationRequest;
import dev.mgnagent.mgn.SourceServerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.mgn.MgnClient;

/** {@link AgentRegistrar}: runs the installer through the host's command runner. */
public final class DefaultAgentRegistrar implements AgentRegistrar {

  private static final Pattern SOURCE_SERVER_ID =
      Pattern.compile("source server ID: (s-[0-9a-zA-Z]{17})");
  private static final String SUCCESS = "successfully installed";
  private static final int LAST_LINES = 20;
  private static final Duration READER_GRACE = Duration.ofSeconds(5);

  private final Host host;
  private final Duration timeout;
  private final EventListener listener;
  private final Optional<RegistrationConfirmer> confirmer;
  private final Optional<Boolean> runAsRoot;
  private final Sleeper sleeper;

  /**
   * How many times an installer that could not even be executed because its file was still open
   * for writing somewhere ({@code ETXTBSY}) is started again. In a JVM that downloads and starts
   * several installers at once, a child process forked by one thread briefly inherits the
   * descriptor another thread is writing the installer with; the exec fails, nothing ran, and a
   * moment later it works.
   */
  private static final int BUSY_ATTEMPTS = 5;

  private static final Duration BUSY_DELAY = Duration.ofMillis(200);

  private DefaultAgentRegistrar(BuilderImpl b) {
    this.sleeper = b.sleeper;
    this.host = b.host;
    this.timeout = b.timeout;
    this.listener = b.listener;
    this.confirmer = Optional.ofNullable(b.client)
        .map(c -> new RegistrationConfirmer(c, b.pollInterval, b.pollAttempts, b.sleeper));
    this.runAsRoot = Optional.ofNullable(b.runAsRoot);
  }

  @Override
  public Registration register(VerificationResult.Verified installer, RegistrationRequest request) {
    AwsCredentials credentials = request.credentials().resolveCredentials();
    Optional<String> token = credentials instanceof AwsSessionCredentials session
        ? Optional.of(session.sessionToken()) : Optional.empty();
    InstallerCommandLine commandLine = InstallerCommandLine.of(installer.path(), installer.flavor(),
        request, runAsRoot.orElseGet(this::isRoot), credentials.accessKeyId(),
        credentials.secretAccessKey(), token);
    SecretMask mask = new SecretMask(List.of(credentials.secretAccessKey(), token.orElse("")));
    List<String> lines = runUnlessBusy(commandLine, prompts(request, credentials, token), mask);
    SourceServerId id = sourceServerId(lines);
    if (confirmer.isEmpty()) {
      return new Registration(id, List.of(), List.of("the registration of " + id
          + " was not confirmed: no MGN client was given to check its disks"));
    }
    RegistrationConfirmer.Confirmation confirmation = confirmer.get().confirm(id, request.selection());
    return new Registration(id, confirmation.registeredDisks(), confirmation.warnings());
  }

  private static List<InstallerConversation.Prompt> prompts(
      RegistrationRequest request, AwsCredentials credentials, Optional<String> token) {
    return List.of(
        new InstallerConversation.Prompt("AWS Region Name:", request.region().id(), false),
        new InstallerConversation.Prompt("AWS Access Key ID:", credentials.accessKeyId(), false),
        new InstallerConversation.Prompt("AWS Secret Access Key:", credentials.secretAccessKey(), true),
        new InstallerConversation.Prompt("AWS Session Token:", token.orElse(""), true),
        new InstallerConversation.Prompt("To replicate all disks, press Enter:",
            request.selection().devicesArgument(), false));
  }

  @Override
  public List<String> commandLine(
      java.nio.file.Path installerPath, InstallerFlavor flavor, RegistrationRequest request) {
    AwsCredentials credentials = request.credentials().resolveCredentials();
    Optional<String> token = credentials instanceof AwsSessionCredentials session
        ? Optional.of(session.sessionToken()) : Optional.empty();
    return InstallerCommandLine.of(installerPath, flavor, request,
        runAsRoot.orElseGet(this::isRoot), credentials.accessKeyId(),
        credentials.secretAccessKey(), token).masked();
  }

  /** {@link #run}, started again while the exec fails with "Text file busy" (see BUSY_ATTEMPTS). */
  private List<String> runUnlessBusy(InstallerCommandLine commandLine,
      List<InstallerConversation.Prompt> prompts, SecretMask mask) {
    for (int attempt = 1; ; attempt++) {
      try {
        return run(commandLine, prompts, mask);
      } catch (InstallerFailedException e) {
        boolean busy = e.exitCode().orElse(0) == 126
            && e.lastLines().stream().anyMatch(l -> l.contains("Text file busy"));
        if (!busy || attempt >= BUSY_ATTEMPTS) {
          throw e;
        }
        try {
          sleeper.sleep(BUSY_DELAY.multipliedBy(attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Runs the installer to its end and returns its lines; throws when it did not succeed. */
  private List<String> run(InstallerCommandLine commandLine,
      List<InstallerConversation.Prompt> prompts, SecretMask mask) {
    Command command = new Command(commandLine.argv(), installerEnvironment(), Optional.empty(), true);
    RunningCommand process;
    try {
      process = host.commandRunner().start(command);
    } catch (IOException e) {
      throw new MgnAgentException("cannot start the installer " + commandLine.masked().get(0)
          + ": " + mask.apply(String.valueOf(e.getMessage())), e);
    }
    try (process) {
      listener.onEvent(new InstallerStarted(commandLine.masked(), process.pid()));
      InstallerConversation conversation = new InstallerConversation(
          prompts, process.stdin(), mask, listener, process::killTree);
      Thread out = conversation.readStdout(process.stdout());
      Thread err = conversation.readStderr(process.stderr());
      OptionalInt exit = process.waitFor(timeout);
      if (exit.isEmpty()) {
        process.killTree();
        process.waitFor(READER_GRACE);
      }
      out.join(READER_GRACE.toMillis());
      err.join(READER_GRACE.toMillis());
      List<String> lines = conversation.lines();
      listener.onEvent(new InstallerFinished(exit.orElse(137)));
      checkSucceeded(exit, lines, conversation.refusedPrompt());
      return lines;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MgnAgentException("interrupted while the installer ran; it was stopped", e);
    }
  }

  private void checkSucceeded(OptionalInt exit, List<String> lines, String refusedPrompt) {
    List<String> last = lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size());
    if (exit.isEmpty()) {
      throw new InstallerFailedException(InstallerFailure.TIMED_OUT, exit, last,
          "no end after " + timeout);
    }
    if (refusedPrompt != null) {
      throw new InstallerFailedException(InstallerFailure.ANSWER_REFUSED, exit, last,
          refusedPrompt);
    }
    boolean success = exit.getAsInt() == 0 && lines.stream().anyMatch(l -> l.contains(SUCCESS));
    if (success && findId(lines).isPresent()) {
      return;
    }
    if (success) {
      throw new InstallerFailedException(InstallerFailure.NO_SOURCE_SERVER_ID, exit, last, "");
    }
    FailureClassifier.Classified classified = FailureClassifier.classify(lines)
        .orElse(new FailureClassifier.Classified(InstallerFailure.CRASHED,
            last.isEmpty() ? "" : last.get(last.size() - 1)));
    throw new InstallerFailedException(classified.failure(), exit, last, classified.evidence());
  }

  private static SourceServerId sourceServerId(List<String> lines) {
    return findId(lines).orElseThrow();
  }

  private static Optional<SourceServerId> findId(List<String> lines) {
    for (String line : lines) {
      Matcher m = SOURCE_SERVER_ID.matcher(line);
      if (m.find()) {
        return Optional.of(new SourceServerId(m.group(1)));
      }
    }
    return Optional.empty();
  }

  /** The host's environment without AWS keys: the installer gets its credentials at the prompts. */
  private Map<String, String> installerEnvironment() {
    Map<String, String> env = new HashMap<>(host.environment());
    env.keySet().removeIf(name -> name.startsWith("AWS_"));
    return env;
  }

  /** Whether {@code id -u} says 0; a command that hangs is stopped after 10 s (then: not root). */
  private boolean isRoot() {
    try {
      CommandResult id = CommandResult.run(host.commandRunner(),
          new Command(List.of("id", "-u"), host.environment(), Optional.empty(), false),
          Duration.ofSeconds(10));
      return id.exitCode().equals(OptionalInt.of(0)) && id.stdout().strip().equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Builds an {@link DefaultAgentRegistrar}. */
  public static final class BuilderImpl implements AgentRegistrar.Builder {
    private Host host = LocalHost.create();
    private Duration timeout = Duration.ofMinutes(30);
    private EventListener listener = event -> { };
    private MgnClient client;
    private Duration pollInterval = Duration.ofSeconds(2);
    private int pollAttempts = 30;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Boolean runAsRoot;

    @Override
    public Builder host(Host host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    @Override
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    @Override
    public Builder eventListener(EventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    @Override
    public Builder confirmWith(MgnClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    @Override
    public Builder confirmationPolling(Duration interval, int attempts) {
      this.pollInterval = Objects.requireNonNull(interval, "interval");
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1");
      }
      this.pollAttempts = attempts;
      return this;
    }

    @Override
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    @Override
    public Builder runAsRoot(boolean root) {
      this.runAsRoot = root;
      return this;
    }

    @Override
    public AgentRegistrar build() {
      return new DefaultAgentRegistrar(this);
    }
  }
}
