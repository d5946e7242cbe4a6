package dev.mgnagent.disk;

/** What kind of {@link StackedDevice} a device is, from {@code dm/uuid} or {@code md/}. */
public enum StackedDeviceType {
  /** An LVM logical volume (dm uuid prefix {@code LVM-}). */
  LVM,
  /** A dm-crypt mapping such as LUKS (dm uuid prefix {@code CRYPT-}). */
  CRYPT,
  /** A partition of a device-mapper device, typically of a multipath map (prefix {@code part}). */
  DM_PARTITION,
  /** Any other device-mapper target. */
  DEVICE_MAPPER,
  /** An md software RAID array. */
  MD_RAID
}
