package dev.mgnagent.mgn;

/** How a disk differs between the host and what MGN replicates. */
public enum DiskChange {
  /** Replicated, and the same size on the host. */
  UNCHANGED("nothing to do"),
  /** Replicated, but its size changed on the host. */
  RESIZED("nothing to do: MGN detects the new size and resyncs the disk"),
  /** Replicated (or reported) by MGN, but no longer on the host: MGN drops it. */
  DISCONNECTED(
      "MGN drops it from replication; if it comes back, rerun the installer to add it"
          + " again (it replicates from the start)"),
  /** On the host, but not replicated. */
  NOT_REPLICATED(
      "rerun the installer to add it (it replicates from the start; the other disks"
          + " are rescanned, not resynced)");

  private final String action;

  DiskChange(String action) {
    this.action = action;
  }

  /** What to do about a disk in this state. */
  public String action() {
    return action;
  }
}
