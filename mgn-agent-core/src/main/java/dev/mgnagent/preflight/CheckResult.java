package dev.mgnagent.preflight;

import java.util.Objects;

/**
 * What one preflight check found.
 *
 * @param id the check's stable identifier, such as {@code space.tmp} or {@code network.mgn-443}
 * @param title a short human title, such as {@code Free space in /tmp}
 * @param status the outcome
 * @param evidence what was read or measured, in one sentence
 * @param remedy what to do about a WARN or FAIL; empty for PASS and SKIPPED
 */
public record CheckResult(
    String id, String title, CheckStatus status, String evidence, String remedy) {

  public CheckResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(remedy, "remedy");
  }
}
