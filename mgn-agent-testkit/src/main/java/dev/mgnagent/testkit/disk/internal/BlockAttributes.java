package dev.mgnagent.testkit.disk.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The regular files in a block device's own sysfs directory ({@code dev}, {@code size}, {@code
 * uevent}, {@code partition}, {@code dm/uuid}, {@code md/level}, {@code loop/backing_file}, {@code
 * queue/...}), as text exactly as the kernel prints it.
 */
public final class BlockAttributes {

  private static final String STAT = "       0".repeat(17) + "\n";
  private static final String INFLIGHT = "       0        0\n";

  private BlockAttributes() {}

  /** File name (relative to the device's directory) to content. */
  public static Map<String, String> of(BlockNode node) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("dev", node.number() + "\n");
    files.put("size", node.sectors() + "\n");
    files.put("ro", flag(node.readOnly()));
    files.put("alignment_offset", "0\n");
    files.put("discard_alignment", "0\n");
    files.put("inflight", INFLIGHT);
    files.put("stat", STAT);
    if (node.isPartition()) {
      files.put("partition", node.partitionNumber() + "\n");
      files.put("start", node.startSector() + "\n");
    } else {
      disk(node, files);
    }
    files.put("uevent", uevent(node));
    return files;
  }

  /** The {@code uevent} file: the device's udev identity. */
  public static String uevent(BlockNode node) {
    StringBuilder out =
        new StringBuilder()
            .append("MAJOR=")
            .append(node.number().major())
            .append('\n')
            .append("MINOR=")
            .append(node.number().minor())
            .append('\n')
            .append("DEVNAME=")
            .append(node.name())
            .append('\n')
            .append("DEVTYPE=")
            .append(node.isPartition() ? "partition" : "disk")
            .append('\n')
            .append("DISKSEQ=")
            .append(node.diskseq())
            .append('\n');
    if (node.isPartition()) {
      out.append("PARTN=").append(node.partitionNumber()).append('\n');
    }
    return out.toString();
  }

  private static void disk(BlockNode node, Map<String, String> files) {
    String[] range = range(node.kind());
    files.put("removable", flag(node.removable()));
    files.put("range", range[0] + "\n");
    files.put("ext_range", range[1] + "\n");
    files.put("capability", "0\n");
    files.put("hidden", "0\n");
    files.put("diskseq", node.diskseq() + "\n");
    // both are empty, without a newline, unless the driver polls for media events
    files.put("events", node.kind() == DeviceKind.CDROM ? "media_change eject_request\n" : "");
    files.put("events_async", "");
    files.put("events_poll_msecs", "-1\n");
    queue(node, files);
    switch (node.kind()) {
      // virtio-blk prints the serial without a newline, and nothing at all when there is none
      case VIRTIO -> files.put("serial", node.serial().orElse(""));
      case NVME -> {
        files.put("nsid", DeviceNumbers.nvmeNamespace(node.name()) + "\n");
        files.put("wwid", DeviceAttributes.nvmeWwid(node) + "\n");
      }
      case DEVICE_MAPPER -> {
        files.put("dm/name", node.dmName().orElseThrow() + "\n");
        files.put("dm/uuid", node.dmUuid().orElse("") + "\n");
        files.put("dm/suspended", "0\n");
        files.put("dm/use_blk_mq", "0\n");
        files.put("dm/rq_based_seq_io_merge_deadline", "0\n");
      }
      case MD -> md(node, files);
      case LOOP ->
          node.loopBackingFile()
              .ifPresent(
                  file -> {
                    files.put("loop/backing_file", file + "\n");
                    files.put("loop/offset", "0\n");
                    files.put("loop/sizelimit", "0\n");
                    files.put("loop/autoclear", "1\n");
                    files.put("loop/partscan", "0\n");
                    files.put("loop/dio", "0\n");
                  });
      case ZRAM -> {
        files.put("disksize", node.sizeBytes() + "\n");
        files.put("initstate", flag(node.sectors() > 0));
        files.put("comp_algorithm", "lzo-rle lzo lz4 [zstd] \n");
      }
      default -> {
        // no driver-specific files at the block level
      }
    }
  }

  private static void md(BlockNode node, Map<String, String> files) {
    String level = node.mdLevel().orElseThrow();
    files.put("md/level", level + "\n");
    files.put("md/raid_disks", node.slaves().size() + "\n");
    files.put("md/array_state", "clean\n");
    files.put("md/metadata_version", "1.2\n");
    files.put(
        "md/chunk_size", (level.equals("raid1") || level.equals("linear") ? 0 : 524288) + "\n");
    files.put("md/uuid", dashedUuid(node.mdUuid().orElseThrow()) + "\n");
    int slot = 0;
    for (BlockNode member : node.slaves()) {
      files.put("md/dev-" + member.name() + "/slot", slot++ + "\n");
      files.put("md/dev-" + member.name() + "/state", "in_sync\n");
    }
  }

  /** mdadm's {@code 8:8:8:8} hex uuid as the kernel's {@code %pU} prints it. */
  private static String dashedUuid(String mdadmUuid) {
    String hex = mdadmUuid.replace(":", "");
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }

  private static void queue(BlockNode node, Map<String, String> files) {
    boolean rotational =
        node.kind() == DeviceKind.VIRTIO
            || node.kind() == DeviceKind.SCSI_DISK
            || node.kind() == DeviceKind.CDROM;
    boolean requestBased =
        !(node.kind() == DeviceKind.DEVICE_MAPPER || node.kind() == DeviceKind.MD);
    files.put("queue/logical_block_size", "512\n");
    files.put("queue/physical_block_size", "512\n");
    files.put("queue/hw_sector_size", "512\n");
    files.put("queue/minimum_io_size", "512\n");
    files.put("queue/optimal_io_size", "0\n");
    files.put("queue/rotational", flag(rotational));
    files.put("queue/read_ahead_kb", "128\n");
    files.put("queue/scheduler", requestBased ? "[none] mq-deadline kyber bfq \n" : "none\n");
  }

  /** {@code range} and {@code ext_range}: minors the disk reserved, and the extended maximum. */
  private static String[] range(DeviceKind kind) {
    return switch (kind) {
      case SCSI_DISK, VIRTIO, XEN -> new String[] {"16", "256"};
      case NVME -> new String[] {"0", "256"};
      case LOOP, MD -> new String[] {"1", "256"};
      default -> new String[] {"1", "1"};
    };
  }

  private static String flag(boolean value) {
    return value ? "1\n" : "0\n";
  }
}
