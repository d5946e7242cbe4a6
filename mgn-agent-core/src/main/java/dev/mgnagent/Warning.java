package dev.mgnagent;

import java.util.Objects;

/**
 * Something worth a look that did not stop the work: a device the inventory skipped, a selection
 * MGN may refuse, a boot disk MGN has under another name, a registration that could not be
 * confirmed. Every capability reports its warnings with this one type.
 *
 * @param code what kind of warning, stable across releases (new codes may be added)
 * @param message a sentence for people: what happened and what it means
 */
public record Warning(Code code, String message) {

  /** The kinds of warnings. Callers that switch on them should keep a default branch. */
  public enum Code {
    /** Inventory: a device was left out because one of its files could not be read or parsed. */
    DEVICE_SKIPPED,
    /** Inventory: {@code /} is not on a block device (overlay, tmpfs, a container). */
    ROOT_NOT_ON_BLOCK_DEVICE,
    /** Inventory: the mount table could not be read, so root and boot disks are unknown. */
    MOUNTS_UNREADABLE,
    /** Selection: a disk is over 16 TiB, which MGN does not replicate. */
    DISK_TOO_LARGE,
    /** Selection: more than 50 disks are selected. */
    TOO_MANY_DISKS,
    /** Selection: {@code /boot} rests on several disks, all of which must be replicated. */
    BOOT_SPANS_DISKS,
    /** Selection: no disk backs {@code /}, so the root disk could not be added automatically. */
    ROOT_DISK_UNKNOWN,
    /**
     * Reconcile: MGN's boot disk is not the disk the host boots from under that name (NVMe names
     * were re-enumerated after a reboot and MGN's assignment is stale).
     */
    BOOT_DISK_RENAMED,
    /** Reconcile: MGN marks no disk as the boot disk, or it could not be read. */
    BOOT_DISK_UNCONFIRMED,
    /** Installer location: the region is not on the list the installer is published for. */
    UNKNOWN_REGION,
    /** Installation: a preflight check failed and the installation went on as asked. */
    PREFLIGHT_FAILED,
    /** Installation: whether MGN is initialized could not be checked. */
    SERVICE_UNCHECKED,
    /** Initializing MGN left a part missing or unknown (see the initialization report). */
    INITIALIZATION_INCOMPLETE,
    /** Installation: whether this host is registered already could not be checked. */
    REINSTALL_UNCHECKED,
    /** Installation: MGN's view of the new source server's disks could not be read. */
    REGISTRATION_UNCONFIRMED,
    /** Installation: MGN registered other disks than the ones selected. */
    REGISTERED_DISKS_DIFFER,
    /**
     * Installation: processes of the installer's session were still running after it succeeded (an
     * agent daemon its init script started, a helper still finishing); they were left running.
     */
    INSTALLER_PROCESSES_LEFT,
    /**
     * Network: {@code https_proxy} has an {@code https://} scheme; it is used as the usual HTTP
     * {@code CONNECT} proxy.
     */
    PROXY_SCHEME
  }

  /** Checks that nothing is null. */
  public Warning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
