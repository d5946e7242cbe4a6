package dev.mgnagent.mgn;

import java.util.Objects;

/**
 * How far one disk of a source server has been copied to MGN's staging area.
 *
 * @param deviceName the disk as the agent reported it, such as {@code /dev/vda}
 * @param totalBytes the disk's size
 * @param replicatedBytes bytes copied so far
 * @param backloggedBytes bytes written on the source and not yet copied
 * @param rescannedBytes bytes compared again during a rescan
 */
public record DiskReplication(
    String deviceName,
    long totalBytes,
    long replicatedBytes,
    long backloggedBytes,
    long rescannedBytes) {

  /** Checks the device name. */
  public DiskReplication {
    Objects.requireNonNull(deviceName, "deviceName");
  }

  /** A disk without rescan progress. */
  public DiskReplication(
      String deviceName, long totalBytes, long replicatedBytes, long backloggedBytes) {
    this(deviceName, totalBytes, replicatedBytes, backloggedBytes, 0);
  }

  /** Replicated share of the disk, 0 to 100; 0 for a disk of unknown size. */
  public double percent() {
    return totalBytes <= 0 ? 0 : Math.min(100.0, 100.0 * replicatedBytes / totalBytes);
  }
}
