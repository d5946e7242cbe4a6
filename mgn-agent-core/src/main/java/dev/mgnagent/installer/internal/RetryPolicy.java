package dev.mgnagent.installer.internal;

import dev.mgnagent.installer.DownloadRetrying;
import dev.mgnagent.installer.InstallerDownloadException;
import java.net.URI;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Runs download attempts until one succeeds. Gives up after {@code maxAttempts} failures in a row
 * that got no further into the file (a failure that received new bytes resets the count), waiting
 * the injected backoff between attempts and reporting each retry as an event.
 */
final class RetryPolicy {

  /** One attempt, numbered from 1. */
  interface Attempt<T> {
    T run(int attempt) throws RetryableFailure;
  }

  private final VerifierSettings settings;

  RetryPolicy(VerifierSettings settings) {
    this.settings = settings;
  }

  /**
   * @param position how far into the file the download is (after a failure: where the next attempt
   *     resumes)
   */
  <T> T run(URI url, Attempt<T> attempt, LongSupplier position) {
    int failuresInARow = 0;
    long furthest = position.getAsLong();
    int hardLimit = Math.max(100, settings.maxAttempts() * 20);
    for (int number = 1; ; number++) {
      try {
        return attempt.run(number);
      } catch (RetryableFailure failure) {
        long now = position.getAsLong();
        if (now > furthest) {
          furthest = now;
          failuresInARow = 1;
        } else {
          failuresInARow++;
        }
        if (failuresInARow >= settings.maxAttempts() || number >= hardLimit) {
          throw new InstallerDownloadException(
              url,
              number,
              failure.httpStatus(),
              "download of "
                  + url
                  + " failed after "
                  + number
                  + " attempt"
                  + (number == 1 ? "" : "s")
                  + ": "
                  + failure.getMessage(),
              failure.getCause());
        }
        Duration delay = settings.backoff().delayAfter(failuresInARow);
        settings
            .listener()
            .onEvent(new DownloadRetrying(url, number, failure.getMessage(), now, delay));
        sleep(url, number, delay);
      }
    }
  }

  private void sleep(URI url, int attempt, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return;
    }
    try {
      settings.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InstallerDownloadException(
          url, attempt, -1, "download of " + url + " interrupted", e);
    }
  }
}
