package dev.mgnagent.host;

import java.util.Objects;

/**
 * A process that was still running in a command's session after the command itself exited, such as
 * a daemon an installer started: reported so that callers can warn about it, never killed after a
 * successful command.
 *
 * @param pid the process ID
 * @param command its command line, arguments joined by spaces (shortened when long)
 */
public record SessionProcess(long pid, String command) {

  public SessionProcess {
    Objects.requireNonNull(command, "command");
  }

  @Override
  public String toString() {
    return pid + " " + command;
  }
}
