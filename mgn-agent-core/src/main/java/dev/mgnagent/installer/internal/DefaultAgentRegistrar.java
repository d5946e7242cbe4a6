package dev.mgnagent.installer.internal;

import dev.mgnagent.MgnAgentException;
import dev.mgnagent.Sleeper;
import dev.mgnagent.Warning;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.internal.GuardedListener;
import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandResult;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.host.RunningCommand;
import dev.mgnagent.host.SessionProcess;
import dev.mgnagent.installer.AgentRegistrar;
import dev.mgnagent.installer.InstallerFailedException;
import dev.mgnagent.installer.InstallerFailure;
import dev.mgnagent.installer.InstallerFinished;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerStarted;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.installer.Registration;
import dev.mgnagent.installer.RegistrationRequest;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.mgn.SourceServerId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;
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

  /** How long each wait for the installer's exit lasts before the clock is looked at again. */
  private static final Duration WATCH_SLICE = Duration.ofMillis(100);

  private final Host host;
  private final Duration timeout;
  private final EventListener listener;
  private final Optional<RegistrationConfirmer> confirmer;
  private final Optional<Boolean> runAsRoot;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration unknownPromptWait;

  /**
   * How many times an installer that could not even be executed because its file was still open for
   * writing somewhere ({@code ETXTBSY}) is started again. In a JVM that downloads and starts
   * several installers at once, a child process forked by one thread briefly inherits the
   * descriptor another thread is writing the installer with; the exec fails, nothing ran, and a
   * moment later it works.
   */
  private static final int BUSY_ATTEMPTS = 5;

  private static final Duration BUSY_DELAY = Duration.ofMillis(200);

  private DefaultAgentRegistrar(BuilderImpl b) {
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    this.unknownPromptWait = b.unknownPromptWait;
    this.host = b.host;
    this.timeout = b.settings.installerTimeout();
    this.listener = b.listener;
    this.confirmer =
        Optional.ofNullable(b.client)
            .map(
                c ->
                    new RegistrationConfirmer(
                        c,
                        b.settings.confirmationInterval(),
                        b.settings.confirmationAttempts(),
                        b.sleeper,
                        diskResolver(b.host)));
    this.runAsRoot = Optional.ofNullable(b.runAsRoot);
  }

  /**
   * For one confirmation: the inventory disk a device path leads to through the host's {@code /dev}
   * links (a partition to its disk), or the path itself when the host has no such disk. The host's
   * disks are read once, at the first path, and serve every path after it (over SSH each read is a
   * command on the host).
   */
  private static Supplier<Function<String, String>> diskResolver(Host host) {
    return () -> {
      Inventory[] read = {null};
      return path -> resolveDisk(host, read, path);
    };
  }

  private static String resolveDisk(Host host, Inventory[] read, String path) {
    try {
      if (read[0] == null) {
        read[0] = DiskInventory.of(host).read();
      }
      Inventory inventory = read[0];
      DevicePaths paths = DevicePaths.of(host);
      Optional<String> kernel = paths.kernelName(path);
      if (kernel.isEmpty()) {
        return path;
      }
      Optional<Disk> disk = inventory.disk(kernel.get());
      if (disk.isEmpty()) {
        disk =
            inventory.disks().stream()
                .filter(d -> d.partitions().stream().anyMatch(p -> p.name().equals(kernel.get())))
                .findFirst();
      }
      return disk.map(Disk::name).orElse(path);
    } catch (RuntimeException e) {
      return path;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>On a host whose files are on another machine (an SSH host), the installer is first uploaded
   * into a private directory there and its SHA-512 checked there ({@link RemoteInstaller}); that
   * directory is removed once the installer has ended, whatever the outcome.
   */
  @Override
  public Registration register(VerificationResult.Verified installer, RegistrationRequest request) {
    AwsCredentials credentials = request.credentials().resolveCredentials();
    if (!RemoteInstaller.isRemote(host)) {
      return register(installer, installer.path(), request, credentials);
    }
    try (RemoteInstaller remote = RemoteInstaller.upload(host, installer, listener)) {
      return register(installer, remote.path(), request, credentials);
    }
  }

  private Registration register(
      VerificationResult.Verified installer,
      java.nio.file.Path path,
      RegistrationRequest request,
      AwsCredentials credentials) {
    Optional<String> token = sessionToken(credentials);
    InstallerCommandLine commandLine = commandLine(path, installer.flavor(), request, credentials);
    SecretMask mask = new SecretMask(List.of(credentials.secretAccessKey(), token.orElse("")));
    Outcome outcome = runUnlessBusy(commandLine, prompts(request, credentials, token), mask);
    List<String> lines = outcome.lines();
    SourceServerId id = sourceServerId(lines);
    List<Warning> leftovers = leftoverWarning(outcome.leftovers(), mask);
    if (confirmer.isEmpty()) {
      List<Warning> warnings = new ArrayList<>();
      warnings.add(
          new Warning(
              Warning.Code.REGISTRATION_UNCONFIRMED,
              "the registration of "
                  + id
                  + " was not confirmed: no MGN client was given to check its disks"));
      warnings.addAll(leftovers);
      return new Registration(id, List.of(), warnings);
    }
    RegistrationConfirmer.Confirmation confirmation =
        confirmer.get().confirm(id, request.selection());
    List<Warning> warnings = new ArrayList<>(confirmation.warnings());
    warnings.addAll(leftovers);
    return new Registration(id, confirmation.registeredDisks(), warnings);
  }

  /** What a successful run of the installer printed and what it left running in its session. */
  private record Outcome(List<String> lines, List<SessionProcess> leftovers) {}

  /**
   * One warning naming the processes the installer left in its session (PIDs and commands), or
   * none. They are never killed: an agent daemon started by an init script that does not detach
   * itself is one of them.
   */
  private static List<Warning> leftoverWarning(List<SessionProcess> leftovers, SecretMask mask) {
    if (leftovers.isEmpty()) {
      return List.of();
    }
    StringBuilder listed = new StringBuilder();
    for (SessionProcess p : leftovers) {
      listed
          .append(listed.length() == 0 ? "" : "; ")
          .append("PID ")
          .append(p.pid())
          .append(' ')
          .append(mask.apply(p.command()));
    }
    return List.of(
        new Warning(
            Warning.Code.INSTALLER_PROCESSES_LEFT,
            "the installer succeeded and left "
                + leftovers.size()
                + " process"
                + (leftovers.size() == 1 ? "" : "es")
                + " of its session running (not stopped): "
                + listed));
  }

  private static List<InstallerConversation.Prompt> prompts(
      RegistrationRequest request, AwsCredentials credentials, Optional<String> token) {
    return List.of(
        InstallerConversation.Prompt.endingWith("AWS Region Name:", request.region().id(), false),
        InstallerConversation.Prompt.endingWith(
            "AWS Access Key ID:", credentials.accessKeyId(), false),
        InstallerConversation.Prompt.endingWith(
            "AWS Secret Access Key:", credentials.secretAccessKey(), true),
        // No source quotes the session-token prompt: the documentation only says the installer
        // asks for the token when the key is temporary (ASIA...). So any line that ends in
        // "Token:" is taken for it ("AWS Session Token:", "Session Token:", "AWS session token:"
        // do not all match "AWS Session Token:" exactly); it never follows another known prompt
        // on the same line, and every other prompt we know ends differently.
        new InstallerConversation.Prompt(
            "AWS Session Token:",
            text -> text.regionMatches(true, Math.max(0, text.length() - 6), "Token:", 0, 6),
            token.orElse(""),
            true),
        InstallerConversation.Prompt.endingWith(
            "To replicate all disks, press Enter:", request.selection().devicesArgument(), false));
  }

  @Override
  public List<String> commandLine(
      java.nio.file.Path installerPath, InstallerFlavor flavor, RegistrationRequest request) {
    return commandLine(installerPath, flavor, request, request.credentials().resolveCredentials())
        .masked();
  }

  private InstallerCommandLine commandLine(
      java.nio.file.Path installerPath,
      InstallerFlavor flavor,
      RegistrationRequest request,
      AwsCredentials credentials) {
    return InstallerCommandLine.of(
        installerPath,
        flavor,
        request,
        runAsRoot.orElseGet(this::isRoot),
        credentials.accessKeyId(),
        credentials.secretAccessKey(),
        sessionToken(credentials),
        installerEnvironment());
  }

  private static Optional<String> sessionToken(AwsCredentials credentials) {
    return credentials instanceof AwsSessionCredentials session
        ? Optional.of(session.sessionToken())
        : Optional.empty();
  }

  /** {@link #run}, started again while the exec fails with "Text file busy" (see BUSY_ATTEMPTS). */
  private Outcome runUnlessBusy(
      InstallerCommandLine commandLine,
      List<InstallerConversation.Prompt> prompts,
      SecretMask mask) {
    for (int attempt = 1; ; attempt++) {
      try {
        return run(commandLine, prompts, mask);
      } catch (InstallerFailedException e) {
        boolean busy =
            e.exitCode().orElse(0) == 126
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
  private Outcome run(
      InstallerCommandLine commandLine,
      List<InstallerConversation.Prompt> prompts,
      SecretMask mask) {
    Command command =
        new Command(commandLine.argv(), installerEnvironment(), Optional.empty(), true);
    RunningCommand process;
    try {
      process = host.commandRunner().start(command);
    } catch (IOException e) {
      throw new MgnAgentException(
          "cannot start the installer "
              + commandLine.masked().get(0)
              + ": "
              + mask.apply(String.valueOf(e.getMessage())),
          e);
    }
    try (process) {
      listener.onEvent(new InstallerStarted(commandLine.masked(), process.pid()));
      InstallerConversation conversation =
          new InstallerConversation(
              prompts,
              process.stdin(),
              mask,
              listener,
              process::killTree,
              clock,
              unknownPromptWait);
      Thread out = conversation.readStdout(process.stdout());
      Thread err = conversation.readStderr(process.stderr());
      Instant deadline = clock.instant().plus(timeout);
      OptionalInt exit;
      Optional<String> unknownPrompt = Optional.empty();
      while (true) {
        exit = process.waitFor(WATCH_SLICE);
        if (exit.isPresent()) {
          break;
        }
        unknownPrompt = conversation.unknownPrompt();
        if (unknownPrompt.isPresent() || !clock.instant().isBefore(deadline)) {
          process.killTree();
          process.waitFor(READER_GRACE);
          break;
        }
      }
      // what was read before a kill is kept: the readers see end-of-file and report their last
      // partial line before the lines are taken
      out.join(READER_GRACE.toMillis());
      err.join(READER_GRACE.toMillis());
      List<String> lines = conversation.lines();
      listener.onEvent(new InstallerFinished(exit.orElse(137)));
      if (unknownPrompt.isPresent()) {
        throw new InstallerFailedException(
            InstallerFailure.UNKNOWN_PROMPT, exit, lastLines(lines), unknownPrompt.get());
      }
      checkSucceeded(exit, lines, conversation.refusedPrompt());
      return new Outcome(lines, process.leftovers());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MgnAgentException("interrupted while the installer ran; it was stopped", e);
    }
  }

  private static List<String> lastLines(List<String> lines) {
    return lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size());
  }

  private void checkSucceeded(OptionalInt exit, List<String> lines, String refusedPrompt) {
    List<String> last = lastLines(lines);
    if (exit.isEmpty()) {
      throw new InstallerFailedException(
          InstallerFailure.TIMED_OUT, exit, last, "no end after " + timeout);
    }
    if (refusedPrompt != null) {
      throw new InstallerFailedException(
          InstallerFailure.ANSWER_REFUSED, exit, last, refusedPrompt);
    }
    boolean success = exit.getAsInt() == 0 && lines.stream().anyMatch(l -> l.contains(SUCCESS));
    if (success && findId(lines).isPresent()) {
      return;
    }
    if (success) {
      throw new InstallerFailedException(InstallerFailure.NO_SOURCE_SERVER_ID, exit, last, "");
    }
    FailureClassifier.Classified classified =
        FailureClassifier.classify(lines)
            .orElse(
                new FailureClassifier.Classified(
                    InstallerFailure.CRASHED, last.isEmpty() ? "" : last.get(last.size() - 1)));
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
      CommandResult id =
          CommandResult.run(
              host.commandRunner(),
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
    private RegistrarSettings settings = RegistrarSettings.defaults();
    private EventListener listener = EventListener.NONE;
    private MgnClient client;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Boolean runAsRoot;
    private Clock clock = Clock.systemUTC();
    private Duration unknownPromptWait = Duration.ofSeconds(60);

    @Override
    public Builder host(Host host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    @Override
    public Builder settings(RegistrarSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    @Override
    public Builder timeout(Duration timeout) {
      this.settings = settings.toBuilder().installerTimeout(timeout).build();
      return this;
    }

    @Override
    public Builder eventListener(EventListener listener) {
      this.listener = GuardedListener.guard(listener);
      return this;
    }

    @Override
    public Builder confirmWith(MgnClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    @Override
    public Builder confirmationPolling(Duration interval, int attempts) {
      this.settings =
          settings.toBuilder()
              .confirmationInterval(interval)
              .confirmationAttempts(attempts)
              .build();
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
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    @Override
    public Builder unknownPromptWait(Duration wait) {
      if (wait.isNegative() || wait.isZero()) {
        throw new IllegalArgumentException("the unknown-prompt wait must be positive");
      }
      this.unknownPromptWait = wait;
      return this;
    }

    @Override
    public AgentRegistrar build() {
      return new DefaultAgentRegistrar(this);
    }
  }
}
