package dev.mgnagent.disk;

import java.util.Objects;

/**
 * Something the inventory noticed but could work around: a device skipped because a file could
 * not be parsed, or a root file system that is not on a block device.
 *
 * @param code a stable, upper-case identifier such as {@code DEVICE_SKIPPED}
 * @param message a sentence for people: what happened and what it means
 */
public record InventoryWarning(String code, String message) {

  /** A device was left out because one of its files could not be read or parsed. */
  public static final String DEVICE_SKIPPED = "DEVICE_SKIPPED";
  /** {@code /} is not on a block device (overlay, tmpfs, a container), so no disk is the root disk. */
  public static final String ROOT_NOT_ON_BLOCK_DEVICE = "ROOT_NOT_ON_BLOCK_DEVICE";
  /** The mount table could not be read, so root and boot disks are unknown. */
  public static final String MOUNTS_UNREADABLE = "MOUNTS_UNREADABLE";

  public InventoryWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
