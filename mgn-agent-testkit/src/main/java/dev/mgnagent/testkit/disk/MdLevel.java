package dev.mgnagent.testkit.disk;

import java.util.List;

/**
 * An md RAID level, as {@code /sys/block/mdN/md/level} names it, with how big an array of that
 * level is. Each member contributes its size less 1 MiB (superblock and data offset), rounded down
 * to 64 KiB.
 */
public enum MdLevel {
  /** Concatenation: members one after another. */
  LINEAR("linear", 1),
  /** Striping: the sum of the members. */
  RAID0("raid0", 2),
  /** Mirroring: the smallest member. */
  RAID1("raid1", 2),
  /** Striping with parity: all members but one. */
  RAID5("raid5", 3),
  /** Striping with double parity: all members but two. */
  RAID6("raid6", 4),
  /** Striped mirrors (near 2): half of the members; needs an even count. */
  RAID10("raid10", 4);

  private static final long RESERVED = 1L << 20;
  private static final long ALIGN = 64L << 10;

  private final String sysfsName;
  private final int minimumMembers;

  MdLevel(String sysfsName, int minimumMembers) {
    this.sysfsName = sysfsName;
    this.minimumMembers = minimumMembers;
  }

  /** The level as sysfs {@code md/level} and mdadm spell it, such as {@code raid1}. */
  public String sysfsName() {
    return sysfsName;
  }

  /** The fewest members an array of this level needs. */
  public int minimumMembers() {
    return minimumMembers;
  }

  /**
   * The array's size in bytes for members of {@code memberBytes}.
   *
   * @throws IllegalArgumentException if there are too few members or a member is too small
   */
  public long arrayBytes(List<Long> memberBytes) {
    int n = memberBytes.size();
    if (n < minimumMembers || (this == RAID10 && n % 2 != 0)) {
      throw new IllegalArgumentException(
          sysfsName
              + " needs at least "
              + minimumMembers
              + (this == RAID10 ? " (an even number of)" : "")
              + " members, got "
              + n);
    }
    long smallest = Long.MAX_VALUE;
    long sum = 0;
    for (long bytes : memberBytes) {
      long usable = (bytes - RESERVED) / ALIGN * ALIGN;
      if (usable <= 0) {
        throw new IllegalArgumentException("an md member must be larger than 1 MiB, got " + bytes);
      }
      smallest = Math.min(smallest, usable);
      sum += usable;
    }
    return switch (this) {
      case LINEAR, RAID0 -> sum;
      case RAID1 -> smallest;
      case RAID5 -> (n - 1) * smallest;
      case RAID6 -> (n - 2) * smallest;
      case RAID10 -> n / 2 * smallest;
    };
  }
}
