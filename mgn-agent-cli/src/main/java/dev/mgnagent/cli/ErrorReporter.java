package dev.mgnagent.cli;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.Shown;
import dev.mgnagent.cli.output.JsonWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one line on stderr (no Java class names), the stack trace only with {@code
 * --stacktrace}, a {@code {"error":...}} document on stdout with {@code --json}, and the exit code.
 */
final class ErrorReporter {

  /** The longest line for an invalid request. */
  static final int MAX_LINE = 280;

  /** The longest line for any other failure: room for a remedy, still bounded. */
  static final int MAX_FAILURE_LINE = 4_000;

  /** A long path in a line too long keeps its first PATH_HEAD and last PATH_TAIL characters. */
  private static final int PATH_HEAD = 12;

  private static final int PATH_TAIL = 30;
  private static final Pattern LONG_PATH =
      Pattern.compile("/[^\\s:;,'\"()]{" + (PATH_HEAD + PATH_TAIL + 3) + ",}");

  /** What an option name looks like; anything else starting with a dash may be a value. */
  private static final Pattern OPTION_NAME =
      Pattern.compile("--[a-zA-Z][a-zA-Z0-9-]{0,40}|-[a-zA-Z]");

  /** A (mistyped) flag whose value is a secret: the argument after it is never shown. */
  private static final Pattern SECRET_FLAG =
      Pattern.compile("(?i)secret|token|passw|key|credential");

  private static final Pattern COMMAND_WORD = Pattern.compile("[a-zA-Z][a-zA-Z-]{0,31}");

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
    String message =
        e instanceof UnmatchedArgumentException unmatched
            ? unmatchedMessage(unmatched)
            : e.getMessage()
                .replaceAll(" *\\((?:java|javax|picocli|dev)\\.[^)]*\\)?", "")
                .replaceAll(
                    "(?:class |interface )?(?:java|javax|picocli|dev)\\.[\\w.$]*\\.([A-Z]\\w*)",
                    "$1");
    return report(
        "INVALID_REQUEST",
        message + " (see '" + command + " --help')",
        e,
        ExitCodes.INVALID_REQUEST);
  }

  /**
   * Picocli's message repeats every unmatched argument, and one of them may be a secret (the value
   * after a mistyped {@code --aws-secret-acess-key}). This one shows only option names (without an
   * {@code =value}) and a command name typed first; other arguments are counted.
   */
  private static String unmatchedMessage(UnmatchedArgumentException e) {
    List<String> unmatched = e.getUnmatched();
    List<String> shown = new ArrayList<>();
    int hidden = 0;
    boolean first =
        e.getCommandLine().getParent() == null
            && e.getCommandLine().getParseResult() != null
            && e.getCommandLine().getParseResult().originalArgs().size() > 0
            && !unmatched.isEmpty()
            && e.getCommandLine().getParseResult().originalArgs().get(0).equals(unmatched.get(0));
    for (int i = 0; i < unmatched.size(); i++) {
      String argument = unmatched.get(i);
      String name =
          argument.indexOf('=') < 0 ? argument : argument.substring(0, argument.indexOf('='));
      boolean afterSecretFlag = i > 0 && SECRET_FLAG.matcher(unmatched.get(i - 1)).find();
      if (!afterSecretFlag && OPTION_NAME.matcher(name).matches()) {
        shown.add(Shown.quoted(name.equals(argument) ? argument : name + "=..."));
      } else if (i == 0 && first && COMMAND_WORD.matcher(argument).matches()) {
        shown.add(Shown.quoted(argument));
      } else {
        hidden++;
      }
    }
    StringBuilder message = new StringBuilder();
    if (!shown.isEmpty()) {
      message
          .append(
              shown.size() == 1 && first && !unmatched.get(0).startsWith("-")
                  ? "Unknown command: "
                  : shown.size() == 1 ? "Unknown option: " : "Unknown options: ")
          .append(String.join(", ", shown));
    }
    if (hidden > 0) {
      message
          .append(message.length() == 0 ? "" : " and ")
          .append(hidden)
          .append(" unexpected argument(s) (not repeated here, in case one is a secret)");
    }
    return message.toString();
  }

  int failure(Throwable e) {
    if (e instanceof FailedResult result) {
      return report(
          "FAILED",
          Flags.inCliTerms(e.getMessage()),
          result.getCause(),
          ExitCodes.FAILED,
          result.outcome());
    }
    if (e instanceof InvalidRequestException invalid) {
      return report(
          "INVALID_REQUEST", Flags.named(invalid).getMessage(), e, ExitCodes.INVALID_REQUEST);
    }
    if (e instanceof MgnAgentException) {
      return report("FAILED", Flags.inCliTerms(e.getMessage()), e, ExitCodes.FAILED);
    }
    String detail = e.getMessage() == null ? "no details" : e.getMessage();
    return report(
        "INTERNAL_ERROR",
        "unexpected internal error: " + detail + " (run again with --stacktrace for details)",
        e,
        ExitCodes.FAILED);
  }

  /**
   * The message on one line: line breaks joined, every other control or format character escaped,
   * and its middle cut to fit {@value #MAX_LINE} characters.
   */
  static String shortLine(String message) {
    return oneLine(message, MAX_LINE);
  }

  /**
   * The message on one line, line breaks joined and control characters escaped; when longer than
   * {@code max}, long paths are shortened in their middle first, then the middle of the line gives
   * way to "...": the start names what failed, and the end says why and what to do.
   */
  static String oneLine(String message, int max) {
    String joined = message.replaceAll("\\s*\\R\\s*", " ").strip();
    StringBuilder line = new StringBuilder(joined.length() + 16);
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      int type = Character.getType(c);
      if (Character.isISOControl(c)
          || type == Character.FORMAT
          || type == Character.SURROGATE
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        line.append(String.format("\\u%04x", (int) c));
      } else {
        line.append(c);
      }
    }
    if (line.length() <= max) {
      return line.toString();
    }
    String shorter = shortenPaths(line.toString());
    if (shorter.length() <= max) {
      return shorter;
    }
    int head = (max - 3) * 2 / 5;
    int tail = max - 3 - head;
    return shorter.substring(0, head) + "..." + shorter.substring(shorter.length() - tail);
  }

  /** Long absolute paths keep their first and last characters: the words around them stay. */
  private static String shortenPaths(String line) {
    return LONG_PATH
        .matcher(line)
        .replaceAll(
            m -> {
              String path = m.group();
              return Matcher.quoteReplacement(
                  path.substring(0, PATH_HEAD) + "..." + path.substring(path.length() - PATH_TAIL));
            });
  }

  private int report(String type, String message, Throwable e, int exitCode) {
    return report(type, message, e, exitCode, null);
  }

  /** With {@code resultOutcome}, the JSON document is a result with that field false. */
  private int report(String type, String message, Throwable e, int exitCode, String resultOutcome) {
    // a bad request is answered in one short line; a failure keeps its whole explanation
    String oneLine =
        exitCode == ExitCodes.INVALID_REQUEST
            ? shortLine(message)
            : oneLine(message, MAX_FAILURE_LINE);
    if (json) {
      JsonWriter document =
          resultOutcome == null
              ? JsonWriter.object()
              : JsonWriter.object().field("type", "result").field(resultOutcome, false);
      out.println(
          document
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
