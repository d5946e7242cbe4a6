package dev.mgnagent;

import java.time.Duration;
import java.util.Objects;

/** How long to wait before retrying a failed download attempt. Injected so tests never wait. */
@FunctionalInterface
public interface Backoff {

  /** No waiting at all, for tests. */
  Backoff NONE = failedAttempt -> Duration.ZERO;

  /**
   * The delay after attempt number {@code failedAttempt} (from 1) failed.
   *
   * @return a non-negative duration
   */
  Duration delayAfter(int failedAttempt);

  /** {@code first}, doubled after each failure, never more than {@code max}. */
  static Backoff exponential(Duration first, Duration max) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    return failedAttempt -> {
      Duration delay = first;
      for (int i = 1; i < failedAttempt && delay.compareTo(max) < 0; i++) {
        delay = delay.multipliedBy(2);
      }
      return delay.compareTo(max) > 0 ? max : delay;
    };
  }
}
