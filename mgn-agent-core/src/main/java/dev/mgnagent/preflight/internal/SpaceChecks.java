package dev.mgnagent.preflight.internal;

import dev.mgnagent.disk.internal.MountEntry;
import dev.mgnagent.disk.internal.MountTable;
import dev.mgnagent.preflight.internal.PreflightCheck.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Free space in {@code /}, {@code /tmp}, {@code /boot}; {@code /tmp} exec; memory (facts 3, 8). */
final class SpaceChecks {

  static final long MiB = 1L << 20;
  static final long GiB = 1L << 30;

  private SpaceChecks() {}

  static List<PreflightCheck> all() {
    return List.of(
        PreflightCheck.of(
            "space.root",
            "Free space in /",
            c ->
                space(
                    c,
                    "/",
                    false,
                    2 * GiB,
                    3 * GiB,
                    "free space in / (remove old logs, packages, kernels) or grow the root file system")),
        PreflightCheck.of(
            "space.tmp",
            "Free space in /tmp",
            c ->
                space(
                    c,
                    "/tmp",
                    true,
                    500 * MiB,
                    GiB,
                    "free space in /tmp, or point TMPDIR at a disk-backed directory with 1 GB free"
                        + " (a small tmpfs /tmp makes the driver build fail with 'No space left')")),
        PreflightCheck.of(
            "space.boot",
            "Free space in /boot",
            c ->
                space(
                    c,
                    "/boot",
                    true,
                    50 * MiB,
                    50 * MiB,
                    "remove old kernels from /boot (package-cleanup --oldkernels / apt autoremove)")),
        PreflightCheck.of("space.tmp-exec", "/tmp mounted exec", SpaceChecks::tmpExec),
        PreflightCheck.of(
            "memory.available",
            "Available memory",
            c ->
                c.host()
                    .read("/proc/meminfo")
                    .map(SpaceChecks::memory)
                    .orElseGet(() -> Verdict.skipped("no /proc/meminfo under the host root"))));
  }

  private static Optional<MountTable> mounts(CheckContext c) {
    return c.host().read("/proc/self/mountinfo").map(MountTable::parseWellFormedLines);
  }

  private static Verdict space(
      CheckContext c,
      String path,
      boolean onlyIfSeparate,
      long failBelow,
      long warnBelow,
      String remedy) {
    if (onlyIfSeparate) {
      Optional<MountTable> mounts = mounts(c);
      if (mounts.isEmpty()) {
        return Verdict.skipped(
            "no /proc/self/mountinfo under the host root, so it is unknown"
                + " whether "
                + path
                + " is a separate mount");
      }
      if (mounts.get().lastMountAt(path).isEmpty()) {
        return Verdict.pass(path + " is not a separate mount; it counts against /");
      }
    }
    if (c.settings().space().isEmpty()) {
      return Verdict.skipped(c.settings().noSpaceReason());
    }
    OptionalLong free = c.settings().space().get().availableBytes(path);
    if (free.isEmpty()) {
      return Verdict.skipped("the free space of " + path + " could not be measured");
    }
    return space(path, free.getAsLong(), failBelow, warnBelow, remedy);
  }

  static Verdict space(String path, long free, long failBelow, long warnBelow, String remedy) {
    String seen = path + ": " + human(free) + " free";
    if (free < failBelow) {
      return Verdict.fail(seen + ", needs at least " + human(failBelow), remedy);
    }
    if (free < warnBelow) {
      return Verdict.warn(seen + ", " + human(warnBelow) + " recommended", remedy);
    }
    return Verdict.pass(seen);
  }

  private static Verdict tmpExec(CheckContext c) {
    Optional<MountTable> mounts = mounts(c);
    if (mounts.isEmpty()) {
      return Verdict.skipped("no /proc/self/mountinfo under the host root");
    }
    return tmpExec(mounts.get(), Optional.ofNullable(c.host().environment().get("TMPDIR")));
  }

  static Verdict tmpExec(MountTable mounts, Optional<String> tmpdir) {
    Optional<MountEntry> tmp = mounts.holding("/tmp");
    if (tmp.isEmpty() || !tmp.get().noexec()) {
      return Verdict.pass(
          "/tmp is on " + tmp.map(MountEntry::mountPoint).orElse("/") + " without noexec");
    }
    if (tmpdir.isPresent() && tmpdir.get().startsWith("/")) {
      Optional<MountEntry> other = mounts.holding(tmpdir.get());
      if (other.isPresent() && !other.get().noexec()) {
        return Verdict.pass(
            "/tmp is noexec, but TMPDIR="
                + tmpdir.get()
                + " is on "
                + other.get().mountPoint()
                + " without noexec");
      }
    }
    return Verdict.fail(
        "/tmp is mounted noexec"
            + tmpdir.map(t -> " and TMPDIR=" + t + " is not on an exec mount").orElse(""),
        "run 'sudo mount -o remount,exec /tmp', or set TMPDIR to a directory on an exec mount"
            + " (otherwise: 'failed to map segment from shared object')");
  }

  static Verdict memory(String meminfo) {
    OptionalLong available = kib(meminfo, "MemAvailable");
    String what = "MemAvailable";
    if (available.isEmpty()) {
      long sum = 0;
      for (String key : List.of("MemFree", "Buffers", "Cached")) {
        sum += kib(meminfo, key).orElse(0);
      }
      available = OptionalLong.of(sum);
      what = "MemFree+Buffers+Cached";
    }
    long bytes = available.getAsLong() * 1024;
    if (bytes < 300 * MiB) {
      return Verdict.fail(
          what + " " + human(bytes) + ", needs at least 300 MiB",
          "stop services or add memory: the agent needs about 250 MB of RAM");
    }
    return Verdict.pass(what + " " + human(bytes));
  }

  private static OptionalLong kib(String meminfo, String key) {
    return meminfo
        .lines()
        .filter(l -> l.startsWith(key + ":"))
        .findFirst()
        .map(l -> l.substring(key.length() + 1).trim().split("\\s+")[0])
        .filter(v -> v.matches("[0-9]+"))
        .map(v -> OptionalLong.of(Long.parseLong(v)))
        .orElse(OptionalLong.empty());
  }

  static String human(long bytes) {
    if (bytes >= GiB) {
      return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) GiB);
    }
    return (bytes / MiB) + " MiB";
  }
}
