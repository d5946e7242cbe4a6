package dev.mgnagent.install;

import dev.mgnagent.MgnAgentException;
import java.util.OptionalLong;

/**
 * Another installation holds this host's install lock: two installers must never run on one server
 * at once (they would create the same user, sudoers entry and driver). Nothing was downloaded or
 * started.
 */
public class InstallationInProgressException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final OptionalLong holderPid;

  public InstallationInProgressException(String lock, OptionalLong holderPid) {
    super(
        "another installation is running on this host"
            + (holderPid.isPresent() ? " (process " + holderPid.getAsLong() + ")" : "")
            + " and holds the lock "
            + lock
            + "; wait for it to end, then run again");
    this.holderPid = holderPid;
  }

  /** The process ID the holder wrote into the lock, if it could be read. */
  public OptionalLong holderPid() {
    return holderPid;
  }
}
