package dev.mgnagent.preflight.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mount points and per-mount options of {@code /proc/self/mountinfo}. */
final class Mounts {

  /** One mount: where, and its options (field 6, such as {@code rw,nosuid,noexec}). */
  record Mount(String mountPoint, List<String> options, String fsType) {
    boolean noexec() {
      return options.contains("noexec");
    }
  }

  private final List<Mount> mounts;

  private Mounts(List<Mount> mounts) {
    this.mounts = mounts;
  }

  static Mounts parse(String mountinfo) {
    List<Mount> all = new ArrayList<>();
    for (String line : mountinfo.lines().toList()) {
      String[] f = line.split(" ");
      int dash = List.of(f).indexOf("-");
      if (f.length >= 6 && dash > 5 && dash + 1 < f.length) {
        all.add(new Mount(unescape(f[4]), List.of(f[5].split(",")), f[dash + 1]));
      }
    }
    return new Mounts(all);
  }

  /** Whether something is mounted exactly at {@code path} (the last such mount wins). */
  Optional<Mount> at(String path) {
    Mount found = null;
    for (Mount m : mounts) {
      if (m.mountPoint().equals(path)) {
        found = m;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The mount holding {@code path}: the longest mount point that is a prefix of it. */
  Optional<Mount> holding(String path) {
    Mount best = null;
    for (Mount m : mounts) {
      String mp = m.mountPoint();
      boolean covers = mp.equals("/") || path.equals(mp) || path.startsWith(mp + "/");
      if (covers && (best == null || mp.length() >= best.mountPoint().length())) {
        best = m;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
