package dev.mgnagent.disk;

/** What kind of whole disk a {@link Disk} is. */
public enum DiskKind {
  /**
   * A disk the kernel lists under {@code /sys/block} with a device driver (SCSI, virtio, NVMe,
   * Xen).
   */
  PHYSICAL,
  /** A device-mapper multipath map: one disk reached over several paths, replicated once. */
  MULTIPATH
}
