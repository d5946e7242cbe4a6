package dev.mgnagent.testkit.disk.internal;

/** Which kernel driver (and therefore which sysfs layout) a fake block device imitates. */
public enum DeviceKind {
  /** sd: a SCSI, SAS, SATA or virtio-scsi disk. */
  SCSI_DISK,
  /** sr: a SCSI or ATAPI optical drive. */
  CDROM,
  /** vd: a virtio-blk disk. */
  VIRTIO,
  /** nvme: an NVMe namespace, directly under its controller. */
  NVME,
  /** xvd: a Xen paravirtual block device. */
  XEN,
  /** dm-N: a device-mapper device (LVM, multipath, dm-crypt, kpartx partitions). */
  DEVICE_MAPPER,
  /** mdN: an md software RAID array. */
  MD,
  /** loopN: a loop device. */
  LOOP,
  /** zramN: a compressed RAM disk. */
  ZRAM,
  /** ramN: a brd RAM disk. */
  RAM,
  /** A partition of any of the above. */
  PARTITION;

  /** Whether the kernel puts this device under {@code /sys/devices/virtual/block}. */
  public boolean virtual() {
    return this == DEVICE_MAPPER || this == MD || this == LOOP || this == ZRAM || this == RAM;
  }
}
