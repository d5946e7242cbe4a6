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

  private ProcStat() {}

  /** Field 6, the session ID; empty if the line is not a stat line. */
  static OptionalLong sessionIdOf(String statLine) {
    int commEnd = statLine.lastIndexOf(')');
    if (commEnd < 0) {
      return OptionalLong.empty();
    }
    String[] fields = statLine.substring(commEnd + 1).strip().split("\\s+");
    if (fields.length <= SESSION_AFTER_COMM) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(fields[SESSION_AFTER_COMM]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
