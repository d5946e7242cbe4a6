package dev.mgnagent.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Shown;
import java.util.Objects;

/**
 * How many failed hosts a fleet tolerates before it starts no more, like Systems Manager's {@code
 * MaxErrors}: a count ({@code 2}) or a percentage of the fleet's hosts ({@code 10%}, rounded down).
 * FAILED and UNREACHABLE hosts count. Scheduling stops when the failures exceed the limit, that is
 * on failure number limit + 1; hosts already running finish, and the ones not started are SKIPPED.
 * So {@code 0} stops after the first failure, and more hosts than the limit may fail when several
 * run at once.
 */
public final class FailureLimit {

  private static final FailureLimit NONE = new FailureLimit(Integer.MAX_VALUE, false);

  private final int value;
  private final boolean percent;

  private FailureLimit(int value, boolean percent) {
    this.value = value;
    this.percent = percent;
  }

  /** No limit: every host is started whatever fails (the default). */
  public static FailureLimit none() {
    return NONE;
  }

  /** At most {@code failures} failed hosts (0 or more). */
  public static FailureLimit count(int failures) {
    if (failures < 0) {
      throw invalid("the failure limit " + failures + " is negative");
    }
    return new FailureLimit(failures, false);
  }

  /** At most {@code percent}% of the fleet's hosts, rounded down (0 to 100). */
  public static FailureLimit percent(int percent) {
    if (percent < 0 || percent > 100) {
      throw invalid("the failure limit " + percent + "% is not between 0% and 100%");
    }
    return new FailureLimit(percent, true);
  }

  /**
   * {@code N} or {@code N%}.
   *
   * @throws InvalidRequestException for anything else
   */
  public static FailureLimit parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.matches("[0-9]{1,9}")) {
      return count(Integer.parseInt(text));
    }
    if (text.matches("[0-9]{1,3}%")) {
      return percent(Integer.parseInt(text.substring(0, text.length() - 1)));
    }
    throw invalid(
        "the failure limit "
            + Shown.quoted(text)
            + " is neither a count (such as 2) nor a percentage (such as 10%)");
  }

  /** The most failures tolerated in a fleet of {@code hosts}. */
  public int allowed(int hosts) {
    return percent ? (int) ((long) hosts * value / 100) : value;
  }

  /** Whether {@code failures} exceed the limit in a fleet of {@code hosts}. */
  public boolean exceeded(int failures, int hosts) {
    return this != NONE && failures > allowed(hosts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FailureLimit other && value == other.value && percent == other.percent;
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, percent);
  }

  /** {@code 2}, {@code 10%} or {@code none}. */
  @Override
  public String toString() {
    return this == NONE ? "none" : value + (percent ? "%" : "");
  }

  private static InvalidRequestException invalid(String message) {
    return new InvalidRequestException("maxFailures", message);
  }
}
