package dev.mgnagent.disk;

/** What a {@link BlockDevice} is to MGN. */
public enum BlockDeviceRole {
  /** A whole disk: one of {@link Inventory#disks()}. */
  DISK,
  /** A multipath map, replicated as one disk: one of {@link Inventory#disks()}. */
  MULTIPATH_MAP,
  /** One path of a multipath map; stands for the map. */
  MULTIPATH_PATH,
  /** A partition of a disk (or of an md array). */
  PARTITION,
  /** An LVM volume, dm-crypt mapping, md array or other device built on other devices. */
  STACKED,
  /** Never replicated: loop, ram, zram, optical, floppy, or a device of size 0. */
  NOT_A_DISK,
  /** Left out because one of its files could not be read or parsed (see the warnings). */
  UNREADABLE
}
