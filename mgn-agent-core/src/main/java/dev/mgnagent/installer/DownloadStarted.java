package dev.mgnagent.installer;

import dev.mgnagent.event.MgnAgentEvent;
import java.net.URI;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A server answered a download request and its body starts arriving. Sent again after each retry:
 * {@code fromByte} is where this response starts (non-zero when a download resumes).
 *
 * @param url what is downloaded
 * @param fromByte the offset of this response's first byte in the file
 * @param totalBytes the size of the whole file, when the server said
 */
public record DownloadStarted(URI url, long fromByte, OptionalLong totalBytes)
    implements MgnAgentEvent {

  public DownloadStarted {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(totalBytes, "totalBytes");
  }
}
