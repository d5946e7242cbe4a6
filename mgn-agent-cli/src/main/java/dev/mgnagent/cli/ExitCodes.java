package dev.mgnagent.cli;

/** The exit codes of every command, decided here and nowhere else. */
public final class ExitCodes {

  /** Success. */
  public static final int OK = 0;

  /** The command ran and reports a negative outcome, or failed. */
  public static final int FAILED = 1;

  /** Invalid request: bad flag or value, or an answer needed where none can be asked for. */
  public static final int INVALID_REQUEST = 2;

  /** Stopped by SIGHUP (128 + 1): the terminal went away; what was running was stopped. */
  public static final int HANGUP = 129;

  /** Stopped by SIGINT (128 + 2), such as Ctrl-C; what was running was stopped. */
  public static final int INTERRUPTED = 130;

  /** Stopped by SIGTERM (128 + 15); what was running was stopped. */
  public static final int TERMINATED = 143;

  private ExitCodes() {}

  /** The exit code for stopping on signal {@code name} ({@code INT}, {@code TERM}, {@code HUP}). */
  public static int forSignal(String name) {
    switch (name) {
      case "HUP":
        return HANGUP;
      case "INT":
        return INTERRUPTED;
      default:
        return TERMINATED;
    }
  }
}
