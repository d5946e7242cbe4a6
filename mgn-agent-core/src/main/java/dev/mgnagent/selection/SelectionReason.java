package dev.mgnagent.selection;

/** Why a disk is in a {@link Selection}. A disk may have several reasons. */
public enum SelectionReason {
  /** It backs {@code /}: MGN always replicates the root disk. */
  ROOT,
  /** No devices were requested (or the answer was empty): every disk is replicated. */
  ALL_DISKS,
  /** Its own path was requested. */
  REQUESTED,
  /** A partition, LVM volume, md array or other device on it was requested. */
  VIA_PARTITION,
  /**
   * Another name for it was requested: a {@code /dev} symlink, a {@code by-id} path, a multipath
   * path.
   */
  VIA_ALIAS,
  /** Listed with {@code --force-volumes}: passed to the installer exactly as given. */
  FORCED
}
