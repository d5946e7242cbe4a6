package dev.mgnagent.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to start: the argument vector, the complete environment of the new process, the working
 * directory, and whether it runs in a new session without a controlling terminal ({@code setsid}).
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

  /**
   * The argv, for messages, with the value after a secret-looking flag (one whose name contains
   * {@code secret}, {@code token} or {@code password}, such as {@code --aws-secret-access-key}) and
   * the value of {@code --flag=value} forms of them shown as {@code ****}. Never holds the
   * environment (it may hold secrets).
   */
  @Override
  public String toString() {
    List<String> shown = new java.util.ArrayList<>(argv.size());
    boolean hideNext = false;
    for (String arg : argv) {
      if (hideNext) {
        shown.add("****");
        hideNext = false;
        continue;
      }
      int equals = arg.indexOf('=');
      String flag = equals > 0 ? arg.substring(0, equals) : arg;
      boolean secretFlag = flag.startsWith("-") && isSecretName(flag);
      if (secretFlag && equals > 0) {
        shown.add(flag + "=****");
      } else {
        shown.add(arg);
        hideNext = secretFlag;
      }
    }
    return "Command" + shown + (newSession ? " (new session)" : "");
  }

  private static boolean isSecretName(String flag) {
    String lower = flag.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("secret") || lower.contains("token") || lower.contains("password");
  }
}
