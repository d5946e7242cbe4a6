package dev.mgnagent.testkit.disk.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a driver puts in a disk's parent device directory (the target of {@code
 * /sys/block/<disk>/device}): SCSI {@code vendor}/{@code model} padded as INQUIRY data is, the
 * virtio PCI vendor id, the NVMe controller's {@code model}/{@code serial}, Xen's vbd node.
 */
public final class DeviceAttributes {

  /** PCI vendor id of virtio devices, as {@code device/vendor} shows it. */
  public static final String VIRTIO_VENDOR = "0x1af4";

  private DeviceAttributes() {}

  /** File name (relative to the device directory) to content, for {@code disk}'s parent. */
  public static Map<String, String> of(BlockNode disk) {
    Map<String, String> files = new LinkedHashMap<>();
    switch (disk.kind()) {
      case SCSI_DISK, CDROM -> scsi(disk, files);
      case VIRTIO -> {
        files.put("vendor", VIRTIO_VENDOR + "\n");
        files.put("device", "0x0002\n");
        files.put("uevent", "DRIVER=virtio_blk\nMODALIAS=virtio:d00000002v00001AF4\n");
      }
      case NVME -> nvmeController(disk, files);
      case XEN -> {
        int vbd = vbdNumber(disk);
        files.put("devtype", "vbd\n");
        files.put("nodename", "device/vbd/" + vbd + "\n");
        files.put("uevent", "DRIVER=vbd\nMODALIAS=xen:vbd\n");
      }
      default -> {
        // virtual devices have no parent device
      }
    }
    return files;
  }

  /** The Xen vbd number (the Linux device number in Xen's 16-bit encoding, 202:0 is 51712). */
  public static int vbdNumber(BlockNode disk) {
    return (disk.number().major() << 8) | disk.number().minor();
  }

  /**
   * The NVMe namespace {@code wwid} as the kernel makes it when the controller has no EUI or NGUID:
   * {@code nvme.<vid>-<serial hex>-<model hex>-<nsid>}.
   */
  public static String nvmeWwid(BlockNode namespace) {
    String model = namespace.model().orElse("");
    int vendorId = model.startsWith("Amazon") ? 0x1d0f : 0x1b36;
    return String.format(
        "nvme.%04x-%s-%s-%08x",
        vendorId,
        hex(namespace.serial().orElse("")),
        hex(model),
        DeviceNumbers.nvmeNamespace(namespace.name()));
  }

  private static void scsi(BlockNode disk, Map<String, String> files) {
    boolean cdrom = disk.kind() == DeviceKind.CDROM;
    files.put("vendor", pad(disk.vendor().orElse(""), 8) + "\n");
    files.put("model", pad(disk.model().orElse(""), 16) + "\n");
    files.put("rev", pad("2.5+", 4) + "\n");
    files.put("type", (cdrom ? "5" : "0") + "\n");
    files.put("scsi_level", "6\n");
    files.put("state", "running\n");
    files.put("device_blocked", "0\n");
    files.put("timeout", "30\n");
    disk.wwid().ifPresent(w -> files.put("wwid", w + "\n"));
    files.put(
        "uevent",
        "DEVTYPE=scsi_device\nDRIVER="
            + (cdrom ? "sr" : "sd")
            + "\nMODALIAS=scsi:t-0x0"
            + (cdrom ? "5" : "0")
            + "\n");
  }

  private static void nvmeController(BlockNode namespace, Map<String, String> files) {
    int controller = DeviceNumbers.nvmeController(namespace.name());
    Layouts.NvmeController c = Layouts.nvmeController(controller);
    files.put("model", namespace.model().orElse("") + "\n");
    files.put("serial", namespace.serial().orElse("") + "\n");
    files.put("firmware_rev", "1.0\n");
    files.put("transport", "pcie\n");
    files.put("state", "live\n");
    files.put("address", c.pciAddress() + "\n");
    files.put("dev", "250:" + controller + "\n");
    files.put(
        "uevent",
        "MAJOR=250\nMINOR=" + controller + "\nDEVNAME=nvme" + controller + "\nNVME_TRTYPE=pcie\n");
  }

  /** Pads with spaces to the fixed width of a SCSI INQUIRY field. */
  static String pad(String value, int width) {
    if (value.length() > width) {
      throw new IllegalArgumentException(
          "'" + value + "' is longer than the " + width + " characters SCSI allows");
    }
    return value + " ".repeat(width - value.length());
  }

  private static String hex(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.US_ASCII)) {
      out.append(String.format("%02x", b & 0xff));
    }
    return out.toString();
  }
}
