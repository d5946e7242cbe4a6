package dev.mgnagent.preflight.internal;

import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.preflight.internal.PreflightCheck.Verdict;
import java.util.List;
import java.util.function.Function;

/** The disks MGN would replicate: present, none over 16 TiB, at most 50 (MGN's limits). */
final class DiskChecks {

  static final long MAX_DISK_BYTES = 16L << 40;
  static final int MAX_DISKS = 50;

  private DiskChecks() {}

  static List<PreflightCheck> all() {
    return List.of(
        PreflightCheck.of(
            "disks.inventory",
            "Disks to replicate found",
            c -> withInventory(c, DiskChecks::inventory)),
        PreflightCheck.of(
            "disks.size", "No disk over 16 TiB", c -> withInventory(c, DiskChecks::size)),
        PreflightCheck.of(
            "disks.count", "At most 50 disks", c -> withInventory(c, DiskChecks::count)));
  }

  private static Verdict withInventory(CheckContext c, Function<Inventory, Verdict> check) {
    return c.inventory()
        .map(check)
        .orElseGet(
            () ->
                Verdict.fail(
                    "the disk inventory could not be read: " + c.inventoryError(),
                    "check that /sys is mounted and readable (run 'mgn-agent disks')"));
  }

  static Verdict inventory(Inventory inventory) {
    if (inventory.disks().isEmpty()) {
      return Verdict.fail(
          "no disk MGN can replicate under /sys/block",
          "install on the server itself (not in a container); run 'mgn-agent disks' to see what"
              + " was found");
    }
    return Verdict.pass(
        inventory.disks().size()
            + " disk(s): "
            + String.join(", ", inventory.disks().stream().map(Disk::path).toList()));
  }

  static Verdict size(Inventory inventory) {
    List<String> large =
        inventory.disks().stream()
            .filter(d -> d.sizeBytes() > MAX_DISK_BYTES)
            .map(d -> d.path() + " " + (d.sizeBytes() >> 40) + " TiB")
            .toList();
    if (!large.isEmpty()) {
      return Verdict.fail(
          "over 16 TiB: " + String.join(", ", large),
          "exclude these disks from the devices selection (the installer refuses volumes over 16 TiB)");
    }
    long largest = inventory.disks().stream().mapToLong(Disk::sizeBytes).max().orElse(0);
    return Verdict.pass("largest disk " + SpaceChecks.human(largest));
  }

  static Verdict count(Inventory inventory) {
    int n = inventory.disks().size();
    if (n > MAX_DISKS) {
      return Verdict.fail(
          n + " disks; MGN replicates at most " + MAX_DISKS,
          "choose at most 50 disks in the devices selection");
    }
    return Verdict.pass(n + " disk(s)");
  }
}
