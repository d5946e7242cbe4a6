package dev.mgnagent.selection;

import java.util.Objects;

/**
 * Something about a {@link Selection} that MGN may refuse or that deserves a look, though the
 * selection is valid.
 *
 * @param code a stable upper-case identifier, one of the constants here
 * @param message a sentence for people
 */
public record SelectionWarning(String code, String message) {

  /** A disk is over 16 TiB: MGN does not replicate it. */
  public static final String DISK_TOO_LARGE = "DISK_TOO_LARGE";
  /** More than 50 disks are selected. */
  public static final String TOO_MANY_DISKS = "TOO_MANY_DISKS";
  /** {@code /boot} rests on several disks (md RAID, LVM): all of them must be replicated. */
  public static final String BOOT_SPANS_DISKS = "BOOT_SPANS_DISKS";
  /** No disk backs {@code /}, so the root disk cannot be added automatically. */
  public static final String ROOT_DISK_UNKNOWN = "ROOT_DISK_UNKNOWN";

  public SelectionWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
