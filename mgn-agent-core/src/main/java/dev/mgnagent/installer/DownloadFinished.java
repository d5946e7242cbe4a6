package dev.mgnagent.installer;

import dev.mgnagent.event.MgnAgentEvent;
import java.net.URI;
import java.util.Objects;

/**
 * Every byte of a download arrived (it may still fail verification).
 *
 * @param url what was downloaded
 * @param sizeBytes the size of the file
 * @param attempts how many attempts it took, from 1
 */
public record DownloadFinished(URI url, long sizeBytes, int attempts) implements MgnAgentEvent {

  public DownloadFinished {
    Objects.requireNonNull(url, "url");
  }
}
