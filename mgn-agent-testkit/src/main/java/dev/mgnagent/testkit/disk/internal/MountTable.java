package dev.mgnagent.testkit.disk.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What is mounted and swapped on the fake host: the root mount, the other mounts in mount order,
 * and the active swap devices. Hands out anonymous {@code 0:N} device numbers for pseudo and btrfs
 * file systems.
 */
public final class MountTable {

  private MountEntry root;
  private final List<MountEntry> mounts = new ArrayList<>();
  private final List<ProcFiles.Swap> swaps = new ArrayList<>();
  private int nextAnonymousMinor = Mountinfo.FIRST_FREE_ANONYMOUS_MINOR;

  /** Mounts {@code device} at {@code mountPoint}, showing {@code root} as the mounted directory. */
  public void mountBlock(String mountPoint, String root, BlockNode device, String fsType) {
    checkMountable(device, mountPoint);
    MountEntry entry = MountEntry.block(mountPoint, root, device, fsType);
    if (fsType.equals("btrfs")) {
      // btrfs shows an anonymous device number in mountinfo, not the block device's
      entry =
          new MountEntry(
              mountPoint,
              root,
              anonymous(),
              fsType,
              entry.source(),
              entry.mountOptions(),
              entry.superOptions());
    }
    add(entry);
  }

  /** Mounts a file system that has no block device (tmpfs, overlay, nfs, ...). */
  public void mountPseudo(
      String mountPoint, String fsType, String source, String mountOptions, String superOptions) {
    add(new MountEntry(mountPoint, "/", anonymous(), fsType, source, mountOptions, superOptions));
  }

  /** Activates {@code device} as swap with {@code priority}. */
  public void swap(BlockNode device, int priority) {
    if (swaps.stream().anyMatch(s -> s.device() == device)) {
      throw new IllegalArgumentException(device.name() + " is already swap");
    }
    checkMountable(device, "swap");
    swaps.add(new ProcFiles.Swap(device, priority));
  }

  /** The root mount; fails when none was declared. */
  public MountEntry root() {
    if (root == null) {
      throw new IllegalStateException(
          "nothing is mounted at /: mount a device there, or use overlayRoot()");
    }
    return root;
  }

  /** The mounts other than {@code /}, parents before children, otherwise in mount order. */
  public List<MountEntry> mounts() {
    List<MountEntry> sorted = new ArrayList<>(mounts);
    sorted.sort((a, b) -> Integer.compare(depth(a.mountPoint()), depth(b.mountPoint())));
    return sorted;
  }

  /** The active swap devices in activation order. */
  public List<ProcFiles.Swap> swaps() {
    return List.copyOf(swaps);
  }

  /** Checks, once every device exists, that nothing mounted is a partitioned or stacked-on disk. */
  public void checkAgainst(BlockTree tree) {
    root();
    for (BlockNode node : tree.nodes()) {
      boolean used =
          swaps.stream().anyMatch(s -> s.device() == node)
              || allMounts().stream().anyMatch(m -> m.number().equals(node.number()));
      if (used && !node.partitions().isEmpty()) {
        throw new IllegalStateException(node.name() + " is mounted or swap but has partitions");
      }
      if (used && !node.holders().isEmpty()) {
        throw new IllegalStateException(
            node.name()
                + " is mounted or swap but "
                + node.holders().get(0).name()
                + " is built on it");
      }
    }
  }

  private List<MountEntry> allMounts() {
    List<MountEntry> all = new ArrayList<>(mounts);
    all.add(root);
    return all;
  }

  private void add(MountEntry entry) {
    if (entry.mountPoint().equals("/")) {
      if (root != null) {
        throw new IllegalArgumentException("/ is already mounted (" + root.source() + ")");
      }
      root = entry;
      return;
    }
    if (entry.mountPoint().endsWith("/") || entry.mountPoint().contains("//")) {
      throw new IllegalArgumentException("not a clean mount point: " + entry.mountPoint());
    }
    if (mounts.stream().anyMatch(m -> m.mountPoint().equals(entry.mountPoint()))) {
      throw new IllegalArgumentException(entry.mountPoint() + " is already mounted");
    }
    mounts.add(entry);
  }

  private static void checkMountable(BlockNode device, String where) {
    if (device.sectors() == 0) {
      throw new IllegalArgumentException(
          "cannot use " + device.name() + " for " + where + ": it has size 0");
    }
  }

  private MajorMinor anonymous() {
    return new MajorMinor(0, nextAnonymousMinor++);
  }

  private static int depth(String mountPoint) {
    return (int) mountPoint.chars().filter(c -> c == '/').count();
  }
}
