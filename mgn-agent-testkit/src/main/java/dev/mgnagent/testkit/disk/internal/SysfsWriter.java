package dev.mgnagent.testkit.disk.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code sys/} part of the tree: each device's real directory under {@code sys/devices},
 * its parent device directory, the {@code holders/}, {@code slaves/}, {@code device} and {@code
 * subsystem} links, and the {@code sys/block}, {@code sys/class/block} and {@code sys/dev/block}
 * link farms.
 */
public final class SysfsWriter {

  private static final Path SYS_BLOCK = Path.of("sys", "block");
  private static final Path CLASS_BLOCK = Path.of("sys", "class", "block");
  private static final Path DEV_BLOCK = Path.of("sys", "dev", "block");
  private static final Path CLASS_NVME = Path.of("sys", "class", "nvme");

  private final TreeFiles files;

  /** Writes through {@code files}. */
  public SysfsWriter(TreeFiles files) {
    this.files = files;
  }

  /** Writes every device in {@code nodes} (disks and partitions, in kernel order). */
  public void write(List<BlockNode> nodes) {
    files.dir(SYS_BLOCK);
    files.dir(CLASS_BLOCK);
    files.dir(DEV_BLOCK);
    for (BlockNode node : nodes) {
      device(node);
      if (!node.isPartition()) {
        link(SYS_BLOCK.resolve(node.name()), node.sysDir());
      }
      link(CLASS_BLOCK.resolve(node.name()), node.sysDir());
      link(DEV_BLOCK.resolve(node.number().toString()), node.sysDir());
    }
  }

  private void device(BlockNode node) {
    Path dir = node.sysDir();
    for (Map.Entry<String, String> file : BlockAttributes.of(node).entrySet()) {
      files.text(dir.resolve(file.getKey()), file.getValue());
    }
    files.dir(dir.resolve("holders"));
    files.dir(dir.resolve("power"));
    link(dir.resolve("subsystem"), CLASS_BLOCK);
    for (BlockNode holder : node.holders()) {
      link(dir.resolve("holders").resolve(holder.name()), holder.sysDir());
    }
    if (node.isPartition()) {
      return;
    }
    files.dir(dir.resolve("slaves"));
    for (BlockNode slave : node.slaves()) {
      link(dir.resolve("slaves").resolve(slave.name()), slave.sysDir());
    }
    if (node.kind() == DeviceKind.MD) {
      int slot = 0;
      for (BlockNode member : node.slaves()) {
        Path memberDir = dir.resolve("md").resolve("dev-" + member.name());
        link(memberDir.resolve("block"), member.sysDir());
        link(dir.resolve("md").resolve("rd" + slot++), memberDir);
      }
    }
    node.deviceDir()
        .ifPresent(
            parent -> {
              for (Map.Entry<String, String> file : DeviceAttributes.of(node).entrySet()) {
                files.text(parent.resolve(file.getKey()), file.getValue());
              }
              link(dir.resolve("device"), parent);
              if (node.kind() == DeviceKind.NVME) {
                link(CLASS_NVME.resolve(parent.getFileName()), parent);
              }
            });
  }

  private void link(Path link, Path target) {
    files.symlink(link, Links.sysfs(link, target));
  }
}
