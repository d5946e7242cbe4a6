package dev.mgnagent.disk.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mounts of a host, parsed once from {@code /proc/self/mountinfo} by {@link MountInfoParser};
 * the disk inventory asks it what backs {@code /}, preflight where {@code /tmp} lives.
 */
public final class MountTable {

  private final List<MountEntry> entries;
  private final Map<String, List<String>> byDevice = new LinkedHashMap<>();

  private MountTable(List<MountEntry> entries) {
    this.entries = List.copyOf(entries);
    for (MountEntry entry : entries) {
      if (!entry.onAnonymousDevice()) {
        List<String> points = byDevice.computeIfAbsent(entry.majorMinor(), k -> new ArrayList<>());
        if (!points.contains(entry.mountPoint())) {
          points.add(entry.mountPoint());
        }
      }
    }
  }

  /**
   * The table of a whole mountinfo text.
   *
   * @throws IllegalArgumentException naming the line number when a line is malformed
   */
  public static MountTable parse(String mountinfo) {
    return new MountTable(MountInfoParser.parse(mountinfo));
  }

  /** The table of the lines of {@code mountinfo} that parse; malformed lines are left out. */
  public static MountTable parseWellFormedLines(String mountinfo) {
    return new MountTable(MountInfoParser.parseWellFormedLines(mountinfo));
  }

  /** A table without mounts, for a host whose mountinfo cannot be read. */
  public static MountTable empty() {
    return new MountTable(List.of());
  }

  /** Every mount, in mountinfo order. */
  public List<MountEntry> entries() {
    return entries;
  }

  /** Where the block device {@code majorMinor} is mounted, in mountinfo order. */
  public List<String> mountPointsOf(String majorMinor) {
    return byDevice.getOrDefault(majorMinor, List.of());
  }

  /** The mount that is visible at {@code mountPoint}: the last one mounted there. */
  public Optional<MountEntry> lastMountAt(String mountPoint) {
    MountEntry last = null;
    for (MountEntry entry : entries) {
      if (entry.mountPoint().equals(mountPoint)) {
        last = entry;
      }
    }
    return Optional.ofNullable(last);
  }

  /** The mount holding {@code path}: the longest mount point that is a prefix of it. */
  public Optional<MountEntry> holding(String path) {
    MountEntry best = null;
    for (MountEntry entry : entries) {
      String mp = entry.mountPoint();
      boolean covers = mp.equals("/") || path.equals(mp) || path.startsWith(mp + "/");
      if (covers && (best == null || mp.length() >= best.mountPoint().length())) {
        best = entry;
      }
    }
    return Optional.ofNullable(best);
  }
}
