package dev.mgnagent.cli;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.cli.output.JsonWriter;
import java.io.PrintWriter;
import picocli.CommandLine.ParameterException;

/**
 * Turns every error into one line on stderr (no Java class names), the stack trace only with
 * {@code --stacktrace}, a {@code {"error":...}} document on stdout with {@code --json}, and the
 * exit code.
 */
final class ErrorReporter {

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean stacktrace;
  private final boolean json;

  ErrorReporter(PrintWriter out, PrintWriter err, boolean stacktrace, boolean json) {
    this.out = out;
    this.err = err;
    this.stacktrace = stacktrace;
    this.json = json;
  }

  int usageError(ParameterException e) {
    String help = e.getCommandLine().getCommandName();
    String command = e.getCommandLine().getParent() == null ? help : "mgn-agent " + help;
    return report(
        "INVALID_REQUEST",
        e.getMessage() + " (see '" + command + " --help')",
        e,
        ExitCodes.INVALID_REQUEST);
  }

  int failure(Throwable e) {
    if (e instanceof InvalidRequestException) {
      return report("INVALID_REQUEST", e.getMessage(), e, ExitCodes.INVALID_REQUEST);
    }
    if (e instanceof MgnAgentException) {
      return report("FAILED", e.getMessage(), e, ExitCodes.FAILED);
    }
    String detail = e.getMessage() == null ? "no details" : e.getMessage();
    return report(
        "INTERNAL_ERROR",
        "unexpected internal error: " + detail + " (run again with --stacktrace for details)",
        e,
        ExitCodes.FAILED);
  }

  private int report(String type, String message, Throwable e, int exitCode) {
    String oneLine = message.replaceAll("\\s*\\R\\s*", " ").strip();
    if (json) {
      out.println(
          JsonWriter.object()
              .beginObject("error")
              .field("type", type)
              .field("message", oneLine)
              .endObject()
              .toJson());
      out.flush();
    }
    err.println("mgn-agent: " + oneLine);
    if (stacktrace) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode;
  }
}
