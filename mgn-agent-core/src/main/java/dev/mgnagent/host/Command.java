package dev.mgnagent.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to start: the argument vector, the complete environment of the new process, the working
 * directory, and whether it runs in a new session without a controlling terminal ({@code
 * setsid}).
 *
 * <p>The environment is not merged with anything: the process sees exactly {@link #environment()}.
 * Build it from {@link Host#environment()} when the host's variables should pass through.
 *
 * @param argv the program followed by its arguments; never empty
 * @param environment every variable the process will see
 * @param workingDirectory where the process starts; empty means the runner's own directory
 * @param newSession start the process as the leader of a new session, detached from any terminal
 */
public record Command(
    List<String> argv,
    Map<String, String> environment,
    Optional<Path> workingDirectory,
    boolean newSession) {

  public Command {
    argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv must name a program");
    }
    environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    Objects.requireNonNull(workingDirectory, "workingDirectory");
  }

  /** A command with an empty environment, the runner's working directory and no new session. */
  public static Command of(String... argv) {
    return new Command(List.of(argv), Map.of(), Optional.empty(), false);
  }

  /** This command with {@code environment} as the whole environment. */
  public Command withEnvironment(Map<String, String> environment) {
    return new Command(argv, environment, workingDirectory, newSession);
  }

  /** This command, started in {@code directory}. */
  public Command withWorkingDirectory(Path directory) {
    return new Command(argv, environment, Optional.of(directory), newSession);
  }

  /** This command, started (or not) as the leader of a new session without a terminal. */
  public Command withNewSession(boolean newSession) {
    return new Command(argv, environment, workingDirectory, newSession);
  }

  /** The argv joined by spaces, for messages. Never holds the environment (it may hold secrets). */
  @Override
  public String toString() {
    return "Command" + argv + (newSession ? " (new session)" : "");
  }
}
