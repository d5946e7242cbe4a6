package dev.mgnagent.testkit.disk.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the {@code dev/} part of the tree as devtmpfs and udev leave it: a node per block device
 * (an empty regular file, since tests cannot mknod), {@code dev/block/MAJ:MIN} links, and the links
 * from {@link DevLinks}.
 */
public final class DevWriter {

  private static final Path DEV = Path.of("dev");

  private final TreeFiles files;

  /** Writes through {@code files}. */
  public DevWriter(TreeFiles files) {
    this.files = files;
  }

  /** Writes nodes and links for every device in {@code nodes}. */
  public void write(List<BlockNode> nodes) {
    files.dir(DEV);
    boolean deviceMapper = false;
    for (BlockNode node : nodes) {
      Path nodePath = DEV.resolve(node.name());
      files.node(nodePath);
      link(DEV.resolve("block").resolve(node.number().toString()), nodePath);
      for (String link : DevLinks.of(node)) {
        link(DEV.resolve(link), nodePath);
      }
      if (node.kind() == DeviceKind.NVME) {
        files.node(DEV.resolve("nvme" + DeviceNumbers.nvmeController(node.name())));
      }
      deviceMapper |= node.kind() == DeviceKind.DEVICE_MAPPER;
    }
    if (deviceMapper) {
      files.node(DEV.resolve("mapper").resolve("control"));
    }
  }

  private void link(Path link, Path target) {
    files.symlink(link, Links.udev(link, target));
  }
}
