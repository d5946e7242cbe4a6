package dev.mgnagent.installer;

import dev.mgnagent.event.MgnAgentEvent;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A download attempt failed in a way worth retrying (connection failure, truncated body, stall,
 * server error); the next attempt starts after {@code delay}.
 *
 * @param url what is downloaded
 * @param failedAttempt the number of the attempt that failed, from 1
 * @param reason what went wrong, in one line
 * @param resumeFromByte where the next attempt starts (0 restarts the file)
 * @param delay how long mgn-agent waits before the next attempt
 */
public record DownloadRetrying(
    URI url, int failedAttempt, String reason, long resumeFromByte, Duration delay)
    implements MgnAgentEvent {

  public DownloadRetrying {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(delay, "delay");
  }
}
