package dev.mgnagent.testkit.disk.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kernel device names and numbers: which major:minor a driver gives a disk of a given name, and how
 * partitions are named. Pure functions; the kernel's own rules, written down once.
 */
public final class DeviceNumbers {

  /** ramN (brd). */
  public static final int RAM_MAJOR = 1;

  /** loopN. */
  public static final int LOOP_MAJOR = 7;

  /** The first sd major; further disks use 65-71 and 128-135. */
  public static final int SCSI_DISK_MAJOR = 8;

  /** mdN. */
  public static final int MD_MAJOR = 9;

  /** srN. */
  public static final int SCSI_CDROM_MAJOR = 11;

  /** xvd (Xen vbd). */
  public static final int XEN_VBD_MAJOR = 202;

  /** zram: dynamic in the kernel; this fake always uses 252. */
  public static final int ZRAM_MAJOR = 252;

  /** device-mapper: dynamic in the kernel; this fake always uses 253. */
  public static final int DEVICE_MAPPER_MAJOR = 253;

  /** virtio-blk: dynamic in the kernel; this fake always uses 254, as on the reference machine. */
  public static final int VIRTIO_MAJOR = 254;

  /** blkext: NVMe namespaces and partitions beyond a disk's own minor range. */
  public static final int BLOCK_EXT_MAJOR = 259;

  /** Minors per sd, vd and xvd disk (the disk itself plus partitions 1-15). */
  public static final int MINORS_PER_DISK = 16;

  private static final Pattern LETTERS = Pattern.compile("[a-z]+");
  private static final Pattern NVME = Pattern.compile("nvme(0|[1-9]\\d*)n([1-9]\\d*)");
  private static final int[] SD_MAJORS = {
    8, 65, 66, 67, 68, 69, 70, 71, 128, 129, 130, 131, 132, 133, 134, 135
  };

  private DeviceNumbers() {}

  /**
   * The index a disk letter suffix stands for, as {@code sd_format_disk_name} counts: {@code a} is
   * 0, {@code z} 25, {@code aa} 26.
   */
  public static int letterIndex(String letters) {
    if (!LETTERS.matcher(letters).matches()) {
      throw new IllegalArgumentException("not a disk letter suffix: '" + letters + "'");
    }
    long n = 0;
    for (char c : letters.toCharArray()) {
      n = n * 26 + (c - 'a' + 1);
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("disk letter suffix too long: " + letters);
      }
    }
    return (int) (n - 1);
  }

  /** The number of sd disk {@code name} ({@code sda} 8:0, {@code sdb} 8:16, {@code sdq} 65:0). */
  public static MajorMinor scsiDisk(String name) {
    int index = letterIndex(suffix(name, "sd"));
    if (index >= SD_MAJORS.length * MINORS_PER_DISK) {
      throw new IllegalArgumentException(name + ": this fake supports sda to sdiv");
    }
    return new MajorMinor(SD_MAJORS[index >> 4], (index & 0xf) * MINORS_PER_DISK);
  }

  /** The number of virtio disk {@code name} ({@code vda} 254:0, {@code vdb} 254:16). */
  public static MajorMinor virtioDisk(String name) {
    return new MajorMinor(VIRTIO_MAJOR, virtioIndex(name) * MINORS_PER_DISK);
  }

  /** The index of virtio disk {@code name}: {@code vda} is 0. */
  public static int virtioIndex(String name) {
    return letterIndex(suffix(name, "vd"));
  }

  /** The number of Xen disk {@code name} ({@code xvda} 202:0, {@code xvdb} 202:16). */
  public static MajorMinor xenDisk(String name) {
    return new MajorMinor(XEN_VBD_MAJOR, xenIndex(name) * MINORS_PER_DISK);
  }

  /** The index of Xen disk {@code name}: {@code xvda} is 0; this fake supports xvda to xvdp. */
  public static int xenIndex(String name) {
    int index = letterIndex(suffix(name, "xvd"));
    if (index >= MINORS_PER_DISK) {
      throw new IllegalArgumentException(name + ": this fake supports xvda to xvdp");
    }
    return index;
  }

  /** The controller number of NVMe namespace {@code name} ({@code nvme1n2} is on controller 1). */
  public static int nvmeController(String name) {
    return Integer.parseInt(nvme(name).group(1));
  }

  /** The namespace id of NVMe namespace {@code name} ({@code nvme1n2} is namespace 2). */
  public static int nvmeNamespace(String name) {
    return Integer.parseInt(nvme(name).group(2));
  }

  /** The number in a name such as {@code md0}, {@code loop3} or {@code sr0}. */
  public static int trailingNumber(String name, String prefix) {
    if (!name.startsWith(prefix) || !name.substring(prefix.length()).matches("0|[1-9]\\d{0,5}")) {
      throw new IllegalArgumentException("expected " + prefix + "<number>, got '" + name + "'");
    }
    return Integer.parseInt(name.substring(prefix.length()));
  }

  /**
   * A partition's kernel name: the disk name plus the number, with a {@code p} between them when
   * the disk name ends in a digit ({@code sda1}, {@code nvme0n1p1}, {@code md0p1}).
   */
  public static String partitionName(String diskName, int number) {
    char last = diskName.charAt(diskName.length() - 1);
    return Character.isDigit(last) ? diskName + "p" + number : diskName + number;
  }

  private static Matcher nvme(String name) {
    Matcher m = NVME.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected nvme<controller>n<namespace>, got '" + name + "'");
    }
    return m;
  }

  private static String suffix(String name, String prefix) {
    if (!name.startsWith(prefix)) {
      throw new IllegalArgumentException("expected " + prefix + "<letters>, got '" + name + "'");
    }
    return name.substring(prefix.length());
  }
}
