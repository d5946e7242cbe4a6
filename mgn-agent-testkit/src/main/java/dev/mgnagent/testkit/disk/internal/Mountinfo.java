package dev.mgnagent.testkit.disk.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Formats {@code /proc/self/mountinfo} as a systemd host shows it: the early pseudo file systems
 * ({@code /sys}, {@code /proc}, {@code /dev}, {@code /dev/pts}, {@code /run}) first with lower ids,
 * then {@code /} with parent id 1, then the rest with parent ids of their covering mount. Mount
 * points, roots and sources are escaped as the kernel does ({@code \040} for a space).
 */
public final class Mountinfo {

  /** The first pseudo file system minor the builder may hand out (standard ones sit below). */
  public static final int FIRST_FREE_ANONYMOUS_MINOR = 40;

  private static final int FIRST_ID = 24;

  private Mountinfo() {}

  /** Pseudo file systems mounted before {@code /} becomes visible (ids below the root's). */
  static List<MountEntry> early() {
    return List.of(
        pseudo("/sys", 22, "sysfs", "sysfs", "rw,nosuid,nodev,noexec,relatime", "rw"),
        pseudo("/proc", 23, "proc", "proc", "rw,nosuid,nodev,noexec,relatime", "rw"),
        pseudo(
            "/dev",
            5,
            "devtmpfs",
            "udev",
            "rw,nosuid,relatime",
            "rw,size=4013204k,nr_inodes=1003301,mode=755,inode64"),
        pseudo(
            "/dev/pts",
            24,
            "devpts",
            "devpts",
            "rw,nosuid,noexec,relatime",
            "rw,gid=5,mode=620,ptmxmode=000"),
        pseudo(
            "/run",
            25,
            "tmpfs",
            "tmpfs",
            "rw,nosuid,nodev,noexec,relatime",
            "rw,size=806592k,mode=755,inode64"));
  }

  /** Pseudo file systems systemd mounts after {@code /}. */
  static List<MountEntry> late() {
    return List.of(
        pseudo(
            "/sys/kernel/security",
            6,
            "securityfs",
            "securityfs",
            "rw,nosuid,nodev,noexec,relatime",
            "rw"),
        pseudo("/dev/shm", 26, "tmpfs", "tmpfs", "rw,nosuid,nodev", "rw,inode64"),
        pseudo(
            "/run/lock",
            27,
            "tmpfs",
            "tmpfs",
            "rw,nosuid,nodev,noexec,relatime",
            "rw,size=5120k,inode64"),
        pseudo(
            "/sys/fs/cgroup",
            28,
            "cgroup2",
            "cgroup2",
            "rw,nosuid,nodev,noexec,relatime",
            "rw,nsdelegate,memory_recursiveprot"),
        pseudo("/sys/fs/pstore", 29, "pstore", "pstore", "rw,nosuid,nodev,noexec,relatime", "rw"),
        pseudo("/sys/fs/bpf", 30, "bpf", "bpf", "rw,nosuid,nodev,noexec,relatime", "rw,mode=700"));
  }

  /** The whole file for root mount {@code root} and the other mounts {@code mounts}, in order. */
  public static String format(MountEntry root, List<MountEntry> mounts) {
    List<MountEntry> all = new ArrayList<>(early());
    all.add(root);
    all.addAll(late());
    all.addAll(mounts);
    int rootIndex = early().size();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < all.size(); i++) {
      MountEntry m = all.get(i);
      int parent = i == rootIndex ? 1 : FIRST_ID + coveringMount(all, i);
      out.append(FIRST_ID + i)
          .append(' ')
          .append(parent)
          .append(' ')
          .append(m.number())
          .append(' ')
          .append(escape(m.root()))
          .append(' ')
          .append(escape(m.mountPoint()))
          .append(' ')
          .append(m.mountOptions())
          .append(' ')
          .append("shared:")
          .append(i + 1)
          .append(' ')
          .append("- ")
          .append(m.fsType())
          .append(' ')
          .append(escape(m.source()))
          .append(' ')
          .append(m.superOptions())
          .append('\n');
    }
    return out.toString();
  }

  /** The kernel's {@code mangle()}: space, tab, newline and backslash as octal escapes. */
  public static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case ' ' -> out.append("\\040");
        case '\t' -> out.append("\\011");
        case '\n' -> out.append("\\012");
        case '\\' -> out.append("\\134");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The index of the mount that {@code all[index]} sits on: the latest earlier mount at the longest
   * ancestor path, or the root mount for the early pseudo file systems.
   */
  private static int coveringMount(List<MountEntry> all, int index) {
    String point = all.get(index).mountPoint();
    int best = early().size();
    int bestLength = -1;
    for (int j = 0; j < all.size(); j++) {
      if (j == index || (j > index && j != early().size())) {
        continue;
      }
      String candidate = all.get(j).mountPoint();
      boolean covers =
          candidate.equals("/") || point.equals(candidate) || point.startsWith(candidate + "/");
      if (covers && candidate.length() >= bestLength && !(candidate.equals(point) && j > index)) {
        best = j;
        bestLength = candidate.length();
      }
    }
    return best;
  }

  private static MountEntry pseudo(
      String point, int minor, String fsType, String source, String options, String superOptions) {
    return new MountEntry(
        point, "/", new MajorMinor(0, minor), fsType, source, options, superOptions);
  }
}
