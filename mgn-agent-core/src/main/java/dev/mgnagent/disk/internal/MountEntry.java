package dev.mgnagent.disk.internal;

/**
 * One line of {@code /proc/self/mountinfo}.
 *
 * @param majorMinor field 3, the device number ({@code 0:N} for file systems without a block device)
 * @param root field 4, the directory of the file system that is mounted
 * @param mountPoint field 5, unescaped ({@code \040} becomes a space)
 * @param fsType the file system type after the {@code -} separator
 * @param source the mount source after the type ({@code /dev/vda1}, {@code overlay})
 */
record MountEntry(String majorMinor, String root, String mountPoint, String fsType, String source) {

  boolean onAnonymousDevice() {
    return majorMinor.startsWith("0:");
  }
}
