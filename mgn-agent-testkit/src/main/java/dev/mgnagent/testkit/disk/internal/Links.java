package dev.mgnagent.testkit.disk.internal;

import java.nio.file.Path;

/**
 * Relative symlink targets, computed the way their real authors compute them: kernfs for {@code
 * /sys}, udev for {@code /dev}. All paths are relative to the host root.
 */
public final class Links {

  private Links() {}

  /**
   * The target text kernfs gives a sysfs link at {@code link} pointing at {@code target}. kernfs
   * climbs from the link's directory until it reaches an ancestor of the target's <em>parent</em>,
   * so a link to an ancestor reads {@code ../../../virtio1} rather than {@code ../..}, exactly as
   * {@code /sys/block/vda/device} does on a real machine.
   */
  public static String sysfs(Path link, Path target) {
    Path linkDir = parentOf(link);
    Path targetParent = parentOf(target);
    Path base = linkDir;
    StringBuilder up = new StringBuilder();
    while (!isAncestorOrSelf(base, targetParent)) {
      up.append("../");
      base = parentOf(base);
    }
    Path rest = base.toString().isEmpty() ? target : base.relativize(target);
    return up + rest.toString();
  }

  /** The target text udev gives a {@code /dev} link: plain relative from the link's directory. */
  public static String udev(Path link, Path target) {
    Path linkDir = parentOf(link);
    return linkDir.toString().isEmpty() ? target.toString() : linkDir.relativize(target).toString();
  }

  private static boolean isAncestorOrSelf(Path base, Path path) {
    return base.toString().isEmpty() || path.startsWith(base);
  }

  private static Path parentOf(Path path) {
    Path parent = path.getParent();
    return parent == null ? Path.of("") : parent;
  }
}
