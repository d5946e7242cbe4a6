package dev.mgnagent.preflight.internal;

/**
 * What a command run on the host printed and how it ended.
 *
 * @param started whether the program could be started at all (false: not installed)
 * @param exitCode the exit code; -1 when it did not start or did not end in time
 * @param stdout standard output
 * @param stderr standard error, or why the program did not start
 */
public record CommandOutcome(boolean started, int exitCode, String stdout, String stderr) {

  static CommandOutcome notStarted(String why) {
    return new CommandOutcome(false, -1, "", why);
  }

  /** Whether it started and exited 0. */
  public boolean succeeded() {
    return started && exitCode == 0;
  }
}
