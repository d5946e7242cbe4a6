package dev.mgnagent.testkit.disk;

import dev.mgnagent.testkit.disk.internal.VerbatimFixture;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Fake Linux block devices for tests: a directory laid out like a real host's {@code /sys}, {@code
 * /dev} and {@code /proc}, to point code that reads the kernel's files at.
 *
 * <pre>{@code
 * import static dev.mgnagent.testkit.disk.Sizes.GiB;
 *
 * Path root = FakeBlockDevices.builder()
 *     .virtioDisk("vda", GiB(20)).partition(1, GiB(1)).partition(2, GiB(18)).done()
 *     .mount("/", "vda2", "ext4")
 *     .mount("/boot", "vda1", "xfs")
 *     .writeTo(tempDir);
 * }</pre>
 *
 * <p>{@link FakeBlockDeviceScenarios} holds ready-made machines (Nitro NVMe, LVM, md RAID,
 * multipath, containers, ...); {@link #realVirtioWholeDiskFixture(Path)} writes a tree captured
 * verbatim from a real machine.
 */
public final class FakeBlockDevices {

  /** The resource folder name of the verbatim capture. */
  static final String REAL_VIRTIO_WHOLE_DISK = "real-virtio-whole-disk";

  private FakeBlockDevices() {}

  /** A builder for a new, empty host. */
  public static FakeBlockDevicesBuilder builder() {
    return new FakeBlockDevicesBuilder();
  }

  /**
   * Writes into {@code target} (missing or empty) the files captured verbatim on 2026-11-27 from a
   * real virtio machine whose only disk, {@code vda} (254:0, 256 GiB), holds ext4 without a
   * partition table, mounted at {@code /}: {@code sys/block/vda} and the real directory it links to
   * with {@code dev}, {@code size}, {@code removable}, {@code ro}, {@code serial}, the {@code
   * device} link with {@code device/vendor}, empty {@code holders/} and {@code slaves/}; {@code
   * sys/class/block/vda}, {@code sys/dev/block/254:0}, {@code proc/self/mountinfo}, {@code
   * proc/partitions}, and an empty {@code dev/vda} node.
   *
   * @return the host root, absolute
   */
  public static Path realVirtioWholeDiskFixture(Path target) {
    return VerbatimFixture.write(REAL_VIRTIO_WHOLE_DISK, Objects.requireNonNull(target, "target"));
  }
}
