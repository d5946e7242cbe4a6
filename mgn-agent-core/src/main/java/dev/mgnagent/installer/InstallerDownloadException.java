package dev.mgnagent.installer;

import dev.mgnagent.MgnAgentException;
import java.net.URI;
import java.util.OptionalInt;

/**
 * The installer or its digest could not be downloaded: the server refused (403, 404), kept failing
 * (5xx, cut or stalled bodies after every retry), could not be reached, or its TLS certificate does
 * not match. The message says what to do. Nothing is left at the target.
 */
public class InstallerDownloadException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final transient URI url;
  private final int attempts;
  private final int httpStatus;

  /**
   * @param url what could not be downloaded
   * @param attempts how many attempts were made
   * @param httpStatus the last HTTP status, or -1 when there was none
   * @param message what happened and what to do next
   */
  public InstallerDownloadException(
      URI url, int attempts, int httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.url = url;
    this.attempts = attempts;
    this.httpStatus = httpStatus;
  }

  /** What could not be downloaded. */
  public URI url() {
    return url;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }

  /** The last HTTP status the server answered, if it answered. */
  public OptionalInt httpStatus() {
    return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }
}
