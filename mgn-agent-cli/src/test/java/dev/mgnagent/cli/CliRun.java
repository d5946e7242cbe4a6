package dev.mgnagent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** The result of running the CLI in-process: exit code, stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code mgn-agent args...} in this JVM with an empty environment. */
  public static CliRun of(String... args) {
    return withEnvironment(Map.of(), args);
  }

  /** Runs {@code mgn-agent args...} in this JVM with {@code environment} as its environment. */
  public static CliRun withEnvironment(Map<String, String> environment, String... args) {
    return withContext(new CliContext(environment), args);
  }

  /**
   * Runs {@code mgn-agent args...} in this JVM with {@code context} (environment, clock, sleeper).
   */
  public static CliRun withContext(CliContext context, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), context);
    return new CliRun(code, out.toString(), err.toString());
  }
}
