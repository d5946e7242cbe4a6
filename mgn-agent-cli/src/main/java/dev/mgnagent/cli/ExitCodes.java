package dev.mgnagent.cli;

/** The exit codes of every command, decided here and nowhere else. */
public final class ExitCodes {

  /** Success. */
  public static final int OK = 0;
  /** The command ran and reports a negative outcome, or failed. */
  public static final int FAILED = 1;
  /** Invalid request: bad flag or value, or an answer needed where none can be asked for. */
  public static final int INVALID_REQUEST = 2;

  private ExitCodes() {}
}
