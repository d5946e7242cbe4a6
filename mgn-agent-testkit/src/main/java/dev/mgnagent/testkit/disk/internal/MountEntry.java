package dev.mgnagent.testkit.disk.internal;

import java.util.Objects;

/**
 * One mounted file system, before it gets its mount ids.
 *
 * @param mountPoint the absolute mount point, unescaped
 * @param root the directory of the file system mounted there ({@code /}, or a bind source)
 * @param number the device number mountinfo shows: the block device's, or {@code 0:N} for pseudo
 *     and btrfs file systems
 * @param fsType the file system type, such as {@code ext4}
 * @param source the mount source, such as {@code /dev/vda2} or {@code tmpfs}, unescaped
 * @param mountOptions per-mount options ({@code rw,relatime})
 * @param superOptions per-superblock options ({@code rw,errors=remount-ro})
 */
public record MountEntry(
    String mountPoint,
    String root,
    MajorMinor number,
    String fsType,
    String source,
    String mountOptions,
    String superOptions) {

  /** Checks that the mount point and root are absolute and nothing is missing. */
  public MountEntry {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(fsType, "fsType");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mountOptions, "mountOptions");
    Objects.requireNonNull(superOptions, "superOptions");
    if (mountPoint == null || !mountPoint.startsWith("/")) {
      throw new IllegalArgumentException("mount point must be absolute: " + mountPoint);
    }
    if (root == null || !root.startsWith("/")) {
      throw new IllegalArgumentException("mount root must be absolute: " + root);
    }
  }

  /**
   * A typical block file system mount of {@code device}: {@code rw,relatime} and the superblock
   * options the kernel shows for {@code fsType}.
   */
  public static MountEntry block(String mountPoint, String root, BlockNode device, String fsType) {
    String mountOptions = fsType.equals("squashfs") ? "ro,nodev,relatime" : "rw,relatime";
    return new MountEntry(
        mountPoint,
        root,
        device.number(),
        fsType,
        device.mountSource(),
        mountOptions,
        superOptions(fsType));
  }

  /** The superblock options a real kernel prints for a default mount of {@code fsType}. */
  public static String superOptions(String fsType) {
    return switch (fsType) {
      case "xfs" -> "rw,attr2,inode64,logbufs=8,logbsize=32k,noquota";
      case "ext4" -> "rw,errors=remount-ro";
      case "vfat" ->
          "rw,fmask=0077,dmask=0077,codepage=437,iocharset=ascii,shortname=winnt,"
              + "errors=remount-ro";
      case "squashfs" -> "ro,errors=continue,threads=single";
      case "btrfs" -> "rw,space_cache=v2,subvolid=5,subvol=/";
      case "iso9660" -> "ro,nojoliet,check=s,map=n,blocksize=2048,iocharset=utf8";
      default -> "rw";
    };
  }
}
