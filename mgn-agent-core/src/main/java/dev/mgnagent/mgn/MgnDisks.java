package dev.mgnagent.mgn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What MGN knows about a source server's disks, for {@link DiskReconciler}.
 *
 * @param replicated {@code dataReplicationInfo.replicatedDisks}: the disks being replicated, with
 *     {@code totalStorageBytes}
 * @param reported {@code sourceProperties.disks}: the disks the agent reported, with {@code bytes}
 * @param bootDisk the device name {@code GetReplicationConfiguration} marks {@code isBootDisk};
 *     empty when it marks none or could not be read
 * @param bootDiskChecked whether {@code GetReplicationConfiguration} was read at all
 */
public record MgnDisks(
    List<MgnDisk> replicated,
    List<MgnDisk> reported,
    Optional<String> bootDisk,
    boolean bootDiskChecked) {

  /** Checks and copies. */
  public MgnDisks {
    replicated = List.copyOf(replicated);
    reported = List.copyOf(reported);
    Objects.requireNonNull(bootDisk, "bootDisk");
  }

  /**
   * One disk as MGN names it.
   *
   * @param deviceName such as {@code /dev/nvme0n1}
   * @param bytes its size as MGN last saw it
   */
  public record MgnDisk(String deviceName, long bytes) {
    /** Checks the name. */
    public MgnDisk {
      Objects.requireNonNull(deviceName, "deviceName");
    }
  }
}
