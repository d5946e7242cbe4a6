package dev.mgnagent.mgn;

import java.util.Objects;

/**
 * Something about the boot disk that a reconcile found wrong.
 *
 * @param code what kind of problem
 * @param message what happened and what to do
 */
public record ReconcileWarning(Code code, String message) {

  /** The kinds of boot-disk problems. */
  public enum Code {
    /**
     * MGN's boot disk ({@code isBootDisk}) is not the disk the host boots from under that name:
     * NVMe names were re-enumerated after a reboot and MGN's assignment is stale.
     */
    BOOT_DISK_RENAMED,
    /** MGN marks no disk {@code isBootDisk}, or it could not be read. */
    BOOT_DISK_UNCONFIRMED
  }

  /** Checks that nothing is null. */
  public ReconcileWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
