package dev.mgnagent.host.internal;

import java.util.OptionalLong;

/**
 * Parses one line of {@code /proc/<pid>/stat}. Pure functions over text, so tests call them with
 * fixture strings.
 *
 * <p>Field 2 ({@code comm}) is the program name in parentheses and may itself contain spaces and
 * parentheses, so fields are counted from the <em>last</em> {@code ')'}: after it come field 3
 * (state), 4 (ppid), 5 (pgrp) and 6 (session).
 */
final class ProcStat {

  /** Field 6 is the fourth after {@code comm}. */
  private static final int SESSION_AFTER_COMM = 3;

  /** Field 22 (starttime, clock ticks after boot) is the nineteenth after {@code comm}. */
  private static final int START_TIME_AFTER_COMM = 19;

  private ProcStat() {}

  /** Field 22, the start time in clock ticks since boot; empty if the line is not a stat line. */
  static OptionalLong startTicksOf(String statLine) {
    return fieldAfterComm(statLine, START_TIME_AFTER_COMM);
  }

  /** Field 6, the session ID; empty if the line is not a stat line. */
  static OptionalLong sessionIdOf(String statLine) {
    return fieldAfterComm(statLine, SESSION_AFTER_COMM);
  }

  /**
   * Whether field 3, the state, says the process has exited: {@code Z} (a zombie, not yet reaped by
   * its parent) or {@code X} (dead). False if the line is not a stat line.
   */
  static boolean hasExited(String statLine) {
    String[] fields = fieldsAfterComm(statLine);
    return fields.length > 0 && (fields[0].equals("Z") || fields[0].equals("X"));
  }

  private static OptionalLong fieldAfterComm(String statLine, int index) {
    String[] fields = fieldsAfterComm(statLine);
    if (fields.length <= index) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(fields[index]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static String[] fieldsAfterComm(String statLine) {
    int commEnd = statLine.lastIndexOf(')');
    if (commEnd < 0) {
      return new String[0];
    }
    String rest = statLine.substring(commEnd + 1).strip();
    return rest.isEmpty() ? new String[0] : rest.split("\\s+");
  }
}
