package dev.mgnagent.installer;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;

/**
 * The private directory the installer was uploaded into was removed from the remote host, after the
 * installer succeeded, failed or was cancelled.
 *
 * @param remoteDirectory the directory removed
 * @param removed whether it is gone; false when removing it failed (the connection was lost), so a
 *     caller can name what is left on the host
 */
public record InstallerUploadRemoved(String remoteDirectory, boolean removed)
    implements MgnAgentEvent {

  public InstallerUploadRemoved {
    Objects.requireNonNull(remoteDirectory, "remoteDirectory");
  }
}
