package dev.mgnagent.installer;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;

/**
 * The verified installer was copied to a remote host, into a private directory, and {@code
 * sha512sum} there found the same SHA-512 as the verified download, so it is about to run.
 *
 * @param remotePath where it is on the host
 * @param sizeBytes its size
 * @param sha512 the SHA-512 the host computed, lower-case hex
 */
public record InstallerUploaded(String remotePath, long sizeBytes, String sha512)
    implements MgnAgentEvent {

  public InstallerUploaded {
    Objects.requireNonNull(remotePath, "remotePath");
    Objects.requireNonNull(sha512, "sha512");
  }
}
