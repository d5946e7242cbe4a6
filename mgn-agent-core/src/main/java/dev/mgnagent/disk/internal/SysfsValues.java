package dev.mgnagent.disk.internal;

import java.util.regex.Pattern;

/** Parsers for the one-value files of sysfs: {@code dev}, {@code size}, flags and numbers. */
final class SysfsValues {

  private static final Pattern MAJOR_MINOR = Pattern.compile("\\d{1,10}:\\d{1,10}");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,19}");
  private static final long SECTOR_BYTES = 512;

  private SysfsValues() {}

  static boolean isMajorMinor(String text) {
    return MAJOR_MINOR.matcher(text).matches();
  }

  /** {@code "254:0\n"} to {@code "254:0"}. */
  static String majorMinor(String content) {
    String value = content.strip();
    if (!isMajorMinor(value)) {
      throw new IllegalArgumentException("is not a major:minor device number");
    }
    return value;
  }

  /** A {@code size} file (512-byte sectors) to bytes. */
  static long sizeBytes(String content) {
    long sectors = number(content);
    try {
      return Math.multiplyExact(sectors, SECTOR_BYTES);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("is too large to be a size in sectors");
    }
  }

  /** A non-negative decimal number such as {@code start} or {@code partition}. */
  static long number(String content) {
    String value = content.strip();
    if (!NUMBER.matcher(value).matches()) {
      throw new IllegalArgumentException("is not a number");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a number");
    }
  }

  /** A {@code 0}/{@code 1} flag such as {@code removable} or {@code ro}. */
  static boolean flag(String content) {
    return switch (content.strip()) {
      case "0" -> false;
      case "1" -> true;
      default -> throw new IllegalArgumentException("is not 0 or 1");
    };
  }
}
