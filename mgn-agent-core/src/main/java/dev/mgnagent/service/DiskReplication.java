package dev.mgnagent.service;

import java.util.Objects;

/**
 * How far one disk of a source server has been copied to MGN's staging area.
 *
 * @param deviceName the disk as the agent reported it, such as {@code /dev/vda}
 * @param totalBytes the disk's size
 * @param replicatedBytes bytes copied so far
 * @param backloggedBytes bytes written on the source and not yet copied
 */
public record DiskReplication(
    String deviceName, long totalBytes, long replicatedBytes, long backloggedBytes) {

  public DiskReplication {
    Objects.requireNonNull(deviceName, "deviceName");
  }

  /** Replicated share of the disk, 0 to 100; 0 for a disk of unknown size. */
  public double percent() {
    return totalBytes <= 0 ? 0 : Math.min(100.0, 100.0 * replicatedBytes / totalBytes);
  }
}
