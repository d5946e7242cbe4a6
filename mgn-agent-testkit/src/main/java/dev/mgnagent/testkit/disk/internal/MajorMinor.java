package dev.mgnagent.testkit.disk.internal;

/**
 * A block device number as the kernel writes it in {@code dev}, {@code /proc/partitions} and
 * mountinfo.
 *
 * @param major the major number (driver)
 * @param minor the minor number (device within the driver)
 */
public record MajorMinor(int major, int minor) {

  /** Checks that both numbers are in the kernel's range (12-bit major, 20-bit minor). */
  public MajorMinor {
    if (major < 0 || major > 0xfff) {
      throw new IllegalArgumentException("major out of range: " + major);
    }
    if (minor < 0 || minor > 0xfffff) {
      throw new IllegalArgumentException("minor out of range: " + minor);
    }
  }

  /** {@code MAJ:MIN}, as in sysfs {@code dev} without the newline. */
  @Override
  public String toString() {
    return major + ":" + minor;
  }
}
