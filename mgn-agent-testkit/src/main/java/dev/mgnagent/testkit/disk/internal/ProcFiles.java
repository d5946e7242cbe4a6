package dev.mgnagent.testkit.disk.internal;

import java.util.List;

/** Formats {@code /proc/partitions} and {@code /proc/swaps} exactly as the kernel prints them. */
public final class ProcFiles {

  private ProcFiles() {}

  /**
   * {@code /proc/partitions}: every disk with a nonzero size, followed by its nonzero partitions,
   * sizes in 1 KiB blocks. Like the kernel, it leaves out removable devices that cannot be
   * partitioned only when they are empty, so an optical drive with a medium is listed.
   */
  public static String partitions(List<BlockNode> nodes) {
    StringBuilder out = new StringBuilder("major minor  #blocks  name\n\n");
    for (BlockNode node : nodes) {
      if (node.isPartition() || node.sectors() == 0) {
        continue;
      }
      line(out, node);
      for (BlockNode partition : node.partitions()) {
        if (partition.sectors() > 0) {
          line(out, partition);
        }
      }
    }
    return out.toString();
  }

  /**
   * {@code /proc/swaps}: one line per swap device, size and used in KiB, the size leaving out the
   * one page that holds the swap header.
   *
   * @param swaps the swap devices in activation order, each with its priority
   */
  public static String swaps(List<Swap> swaps) {
    StringBuilder out = new StringBuilder("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
    for (Swap swap : swaps) {
      String path = Mountinfo.escape("/dev/" + swap.device().name());
      long sizeKib = swap.device().sizeBytes() / 1024 - 4;
      out.append(path)
          .append(" ".repeat(path.length() < 40 ? 40 - path.length() : 1))
          .append("partition\t")
          .append(sizeKib)
          .append('\t')
          .append(sizeKib < 10_000_000 ? "\t" : "")
          .append(0)
          .append("\t\t")
          .append(swap.priority())
          .append('\n');
    }
    return out.toString();
  }

  private static void line(StringBuilder out, BlockNode node) {
    out.append(
        String.format(
            "%4d  %7d %10d %s\n",
            node.number().major(), node.number().minor(), node.sectors() >> 1, node.name()));
  }

  /**
   * An active swap device.
   *
   * @param device the block device
   * @param priority its priority, as {@code swapon -p} sets it (negative for defaults)
   */
  public record Swap(BlockNode device, int priority) {}
}
