package dev.mgnagent.installer;

import dev.mgnagent.event.MgnAgentEvent;
import java.net.URI;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A snapshot of a download's progress, sent every few hundred kilobytes while bytes arrive.
 *
 * @param url what is downloaded
 * @param bytesSoFar bytes of the file received and checked so far (across retries)
 * @param totalBytes the size of the whole file, when the server said
 */
public record DownloadProgress(URI url, long bytesSoFar, OptionalLong totalBytes)
    implements MgnAgentEvent {

  public DownloadProgress {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(totalBytes, "totalBytes");
  }

  /** The fraction done, from 0 to 1, when the total is known. */
  public OptionalDouble fraction() {
    if (totalBytes.isEmpty() || totalBytes.getAsLong() == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.min(1.0, (double) bytesSoFar / totalBytes.getAsLong()));
  }
}
