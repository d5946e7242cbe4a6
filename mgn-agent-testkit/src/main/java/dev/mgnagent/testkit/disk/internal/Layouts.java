package dev.mgnagent.testkit.disk.internal;

import java.nio.file.Path;

/**
 * Where each driver puts its devices under {@code /sys/devices}. Bus addresses are fixed per index
 * so that trees are deterministic: virtio-blk disk {@code i} at PCI slot {@code 02+i} as {@code
 * virtio<i+1>} (matching the reference machine's {@code vda}), SCSI host {@code h} at slot {@code
 * 10+h}, NVMe controller {@code c} behind a PCIe root port at {@code 0000:01:<c>.0}, Xen vbds at
 * {@code vbd-<number>}, and virtual devices under {@code virtual/block}.
 */
public final class Layouts {

  /** {@code sys/devices}. */
  public static final Path DEVICES = Path.of("sys", "devices");

  /** {@code sys/devices/virtual/block}. */
  public static final Path VIRTUAL_BLOCK = DEVICES.resolve("virtual").resolve("block");

  private static final Path PCI_ROOT = DEVICES.resolve("pci0000:00");

  private Layouts() {}

  /** The parent device of virtio-blk disk number {@code index} ({@code vda} is 0). */
  public static Path virtioDevice(int index) {
    if (index > 13) {
      throw new IllegalArgumentException("this fake supports virtio disks vda to vdn");
    }
    return PCI_ROOT
        .resolve(String.format("0000:00:%02x.0", 0x02 + index))
        .resolve("virtio" + (index + 1));
  }

  /** The SCSI device directory {@code host<h>/target<h>:<c>:<t>/<h>:<c>:<t>:<l>}. */
  public static Path scsiDevice(int host, int channel, int target, int lun) {
    if (host < 0 || host > 15) {
      throw new IllegalArgumentException("this fake supports SCSI hosts 0 to 15, got " + host);
    }
    if (channel < 0 || target < 0 || lun < 0) {
      throw new IllegalArgumentException("SCSI channel, target and lun must not be negative");
    }
    String hct = host + ":" + channel + ":" + target;
    return PCI_ROOT
        .resolve(String.format("0000:00:%02x.0", 0x10 + host))
        .resolve("host" + host)
        .resolve("target" + hct)
        .resolve(hct + ":" + lun);
  }

  /**
   * The parent device of the Xen disk with vbd number {@code vbdNumber} ({@code xvda} is 51712).
   */
  public static Path xenDevice(int vbdNumber) {
    return DEVICES.resolve("vbd-" + vbdNumber);
  }

  /** A virtual block device's directory ({@code dm-0}, {@code md0}, {@code loop0}, ...). */
  public static Path virtualBlock(String name) {
    return VIRTUAL_BLOCK.resolve(name);
  }

  /** NVMe controller {@code number}'s directory and PCI address. */
  public static NvmeController nvmeController(int number) {
    if (number < 0 || number > 31) {
      throw new IllegalArgumentException("this fake supports NVMe controllers 0 to 31");
    }
    String address = String.format("0000:01:%02x.0", number);
    Path dir =
        PCI_ROOT.resolve("0000:00:01.0").resolve(address).resolve("nvme").resolve("nvme" + number);
    return new NvmeController(dir, address);
  }

  /**
   * Where an NVMe controller lives.
   *
   * @param dir the controller's sysfs directory, relative to the root
   * @param pciAddress its PCI address
   */
  public record NvmeController(Path dir, String pciAddress) {}
}
