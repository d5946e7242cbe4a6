package dev.mgnagent.disk.internal;

import java.util.List;

/**
 * One line of {@code /proc/self/mountinfo}.
 *
 * @param majorMinor field 3, the device number ({@code 0:N} for file systems without a block
 *     device)
 * @param root field 4, the directory of the file system that is mounted
 * @param mountPoint field 5, unescaped ({@code \040} becomes a space)
 * @param options field 6, the per-mount options ({@code rw}, {@code noexec}, ...)
 * @param fsType the file system type after the {@code -} separator
 * @param source the mount source after the type ({@code /dev/vda1}, {@code overlay})
 */
public record MountEntry(
    String majorMinor,
    String root,
    String mountPoint,
    List<String> options,
    String fsType,
    String source) {

  public MountEntry {
    options = List.copyOf(options);
  }

  /** Whether the file system has no block device behind it (proc, tmpfs, overlay, ...). */
  public boolean onAnonymousDevice() {
    return majorMinor.startsWith("0:");
  }

  /** Whether programs cannot be executed from this mount. */
  public boolean noexec() {
    return options.contains("noexec");
  }
}
