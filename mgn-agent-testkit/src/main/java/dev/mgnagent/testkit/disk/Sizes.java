package dev.mgnagent.testkit.disk;

/**
 * Byte sizes for {@link FakeBlockDevices}: every size the builder takes is in bytes, and these
 * helpers keep call sites readable ({@code GiB(20)} rather than {@code 21474836480L}).
 *
 * <pre>{@code
 * import static dev.mgnagent.testkit.disk.Sizes.GiB;
 * import static dev.mgnagent.testkit.disk.Sizes.MiB;
 * }</pre>
 *
 * <p>Method names follow the IEC unit symbols on purpose. Every helper rejects negative amounts and
 * overflow.
 */
public final class Sizes {

  /** Bytes in one kernel sector, the unit of sysfs {@code size} and {@code start}. */
  public static final long SECTOR = 512L;

  private Sizes() {}

  /** {@code n} kibibytes (1024 bytes) in bytes. */
  public static long KiB(long n) {
    return times(n, 1L << 10, "KiB");
  }

  /** {@code n} mebibytes (1024 KiB) in bytes. */
  public static long MiB(long n) {
    return times(n, 1L << 20, "MiB");
  }

  /** {@code n} gibibytes (1024 MiB) in bytes. */
  public static long GiB(long n) {
    return times(n, 1L << 30, "GiB");
  }

  /** {@code n} tebibytes (1024 GiB) in bytes. */
  public static long TiB(long n) {
    return times(n, 1L << 40, "TiB");
  }

  /** {@code n} 512-byte sectors in bytes. */
  public static long sectors(long n) {
    return times(n, SECTOR, "sectors");
  }

  private static long times(long n, long unit, String name) {
    if (n < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + n);
    }
    try {
      return Math.multiplyExact(n, unit);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(n + " " + name + " does not fit in a long", e);
    }
  }
}
