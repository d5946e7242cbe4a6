package dev.mgnagent.preflight.internal;

import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.preflight.internal.PreflightCheck.Verdict;
import java.util.List;
import java.util.Optional;

/** GRUB, Secure Boot and the boot disk: the boot constraints of MGN's installation requirements. */
final class BootChecks {

  /** The EFI global variable holding the Secure Boot state. */
  static final String SECURE_BOOT_VARIABLE =
      "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c";

  static final List<String> GRUB_FILES =
      List.of(
          "/boot/grub2/grub.cfg",
          "/boot/grub/grub.cfg",
          "/boot/grub/menu.lst",
          "/boot/grub/grub.conf",
          "/boot/efi/EFI");

  private BootChecks() {}

  static List<PreflightCheck> all() {
    return List.of(
        PreflightCheck.of(
            "boot.grub",
            "GRUB boot loader",
            c -> grub(GRUB_FILES.stream().filter(c.host()::exists).findFirst())),
        PreflightCheck.of(
            "boot.secure-boot",
            "Secure Boot off",
            c ->
                secureBoot(
                    c.host().isDirectory("/sys/firmware/efi"),
                    c.host().readBytes(SECURE_BOOT_VARIABLE))),
        PreflightCheck.of(
            "boot.single-disk",
            "Boot disk on one physical disk",
            c ->
                c.inventory()
                    .map(BootChecks::singleDisk)
                    .orElseGet(
                        () ->
                            Verdict.skipped(
                                "the disk inventory could not be read: " + c.inventoryError()))));
  }

  static Verdict grub(Optional<String> found) {
    return found
        .map(f -> Verdict.pass("found " + f))
        .orElseGet(
            () ->
                Verdict.fail(
                    "no GRUB configuration in " + GRUB_FILES,
                    "MGN supports GRUB 1 and 2 boot loaders only; install GRUB (GPT boot disks also need"
                        + " grub2-pc-modules)"));
  }

  /** The variable is 4 bytes of attributes then one byte: 1 when Secure Boot is on. */
  static Verdict secureBoot(boolean efi, Optional<byte[]> variable) {
    if (!efi) {
      return Verdict.pass("no /sys/firmware/efi: legacy BIOS boot, no Secure Boot");
    }
    if (variable.isEmpty() || variable.get().length < 5) {
      return Verdict.pass("EFI boot without a SecureBoot variable: Secure Boot is not enabled");
    }
    if (variable.get()[4] == 1) {
      return Verdict.fail(
          "EFI variable SecureBoot is 1: Secure Boot is on",
          "disable Secure Boot in the firmware (check with 'mokutil --sb-state'); MGN does not"
              + " support it on Linux and the driver fails to load ('insmod ... not permitted')");
    }
    return Verdict.pass("EFI variable SecureBoot is " + variable.get()[4] + ": Secure Boot is off");
  }

  static Verdict singleDisk(Inventory inventory) {
    List<Disk> boot = inventory.bootDisks();
    List<Disk> root = inventory.rootDisks();
    List<Disk> disks = boot.isEmpty() ? root : boot;
    if (disks.isEmpty()) {
      return Verdict.warn(
          "no disk backs / or /boot (a container or a network root)",
          "install on the server itself, whose boot disk MGN replicates");
    }
    List<String> names = disks.stream().map(Disk::path).toList();
    if (disks.size() > 1) {
      return Verdict.fail(
          "the boot file system spans " + names.size() + " disks: " + names,
          "MGN does not support boot volumes that span several physical disks; move /boot (and"
              + " /) onto one disk");
    }
    return Verdict.pass("boot disk " + names.get(0));
  }
}
