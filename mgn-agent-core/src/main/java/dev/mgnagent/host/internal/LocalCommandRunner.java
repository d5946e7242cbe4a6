package dev.mgnagent.host.internal;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.RunningCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs commands on this machine with {@link ProcessBuilder}.
 *
 * <p>The process gets exactly the command's environment (nothing is inherited from the JVM) and
 * three pipes; its output is handed over unbuffered by this class, and writes to its stdin are
 * flushed at once. A command with {@link Command#newSession()} runs through the {@code setsid}
 * program (util-linux), which execs it in place: the process keeps the ID {@link
 * RunningCommand#pid()} reports and becomes the leader of a new session without a controlling
 * terminal.
 *
 * <p>The program is looked up the way {@link ProcessBuilder} does: a name containing {@code /} is a
 * path from the working directory, any other name is searched on the JVM's {@code PATH} (not the
 * command's). In a new session {@code setsid} is given the absolute path found, so the program sees
 * that path as its {@code argv[0]}.
 *
 * <p>{@link RunningCommand#killTree()} sends {@code SIGTERM}, waits up to a grace period (5 s
 * unless given), then sends {@code SIGKILL}.
 */
public final class LocalCommandRunner implements CommandRunner {

  private final ProgramLocator programs;
  private final SessionScanner sessions;
  private final Duration killGrace;

  /** How long {@link RunningCommand#killTree()} waits after {@code SIGTERM} by default. */
  public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(5);

  /** A runner that finds programs on this JVM's {@code PATH} and reads {@code /proc}. */
  public LocalCommandRunner() {
    this(DEFAULT_KILL_GRACE);
  }

  /** As {@link #LocalCommandRunner()}, waiting {@code killGrace} between SIGTERM and SIGKILL. */
  public LocalCommandRunner(Duration killGrace) {
    this(ProgramLocator.forThisJvm(), new SessionScanner(Path.of("/proc")), killGrace);
  }

  LocalCommandRunner(ProgramLocator programs, SessionScanner sessions) {
    this(programs, sessions, DEFAULT_KILL_GRACE);
  }

  LocalCommandRunner(ProgramLocator programs, SessionScanner sessions, Duration killGrace) {
    this.programs = programs;
    this.sessions = sessions;
    this.killGrace = Objects.requireNonNull(killGrace, "killGrace");
    if (killGrace.isNegative()) {
      throw new IllegalArgumentException("killGrace must not be negative");
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException naming the program ({@code argv[0]}) and why it could not be started; the
   *     message never contains the environment
   */
  @Override
  public RunningCommand start(Command command) throws IOException {
    Objects.requireNonNull(command, "command");
    String program = command.argv().get(0);
    Optional<Path> directory = command.workingDirectory();
    if (directory.isPresent() && !Files.isDirectory(directory.get())) {
      throw new IOException(
          "cannot start "
              + program
              + ": the working directory "
              + directory.get()
              + " does not exist");
    }
    // Checked here too (ProcessBuilder would find the same file) for a message that says why.
    Path executable = programs.locate(program, directory.orElse(Path.of("")).toAbsolutePath());
    ProcessBuilder builder =
        new ProcessBuilder(command.newSession() ? viaSetsid(command, executable) : command.argv());
    replaceEnvironment(builder.environment(), command.environment(), program);
    directory.ifPresent(dir -> builder.directory(dir.toFile()));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      // The JDK's message names the program and the directory, never the environment.
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw new IOException("cannot start " + program + ": " + why, e);
    }
    return new LocalRunningCommand(process, command, sessions, killGrace);
  }

  /** setsid, then the program's absolute path (setsid would search the child's PATH), then args. */
  private List<String> viaSetsid(Command command, Path executable) throws IOException {
    Path setsid = programs.setsid().orElseThrow(() -> noSetsid(command.argv().get(0)));
    List<String> argv = new ArrayList<>();
    argv.add(setsid.toString());
    argv.add(executable.toString());
    argv.addAll(command.argv().subList(1, command.argv().size()));
    return argv;
  }

  private static IOException noSetsid(String program) {
    return new IOException(
        "cannot start "
            + program
            + " in a new session: the setsid program was not found;"
            + " install util-linux");
  }

  /** Makes {@code target} exactly {@code source}; refuses what the JDK would, without values. */
  private static void replaceEnvironment(
      Map<String, String> target, Map<String, String> source, String program) throws IOException {
    target.clear();
    for (Map.Entry<String, String> variable : source.entrySet()) {
      String name = variable.getKey();
      if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
        // The name itself may be a whole NAME=secret assignment: do not repeat it.
        throw new IOException(
            "cannot start "
                + program
                + ": an environment variable name is empty or holds '='"
                + " or a NUL character");
      }
      if (variable.getValue().indexOf('\0') >= 0) {
        throw new IOException(
            "cannot start "
                + program
                + ": the value of environment variable "
                + name
                + " holds a NUL character");
      }
      target.put(name, variable.getValue());
    }
  }
}
