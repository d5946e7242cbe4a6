package dev.mgnagent.selection.internal;

import dev.mgnagent.Warning;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.selection.SelectedDisk;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The warnings a valid selection may still deserve (MGN's limits). */
final class SelectionWarnings {

  /** MGN does not replicate volumes over 16 TiB. */
  static final long MAX_DISK_BYTES = 16L << 40;

  /** More disks than this deserve a look before replicating them all. */
  static final int MANY_DISKS = 50;

  private SelectionWarnings() {}

  static List<Warning> of(Inventory inventory, List<SelectedDisk> selected) {
    List<Warning> warnings = new ArrayList<>();
    for (SelectedDisk disk : selected) {
      if (disk.sizeBytes() > MAX_DISK_BYTES) {
        warnings.add(
            new Warning(
                Warning.Code.DISK_TOO_LARGE,
                disk.path() + " is larger than 16 TiB, which MGN does not replicate"));
      }
    }
    if (selected.size() > MANY_DISKS) {
      warnings.add(
          new Warning(
              Warning.Code.TOO_MANY_DISKS,
              selected.size()
                  + " disks are selected, more than "
                  + MANY_DISKS
                  + "; check the source server's limits before replicating them all"));
    }
    List<Disk> boot = inventory.bootDisks();
    if (boot.size() > 1) {
      warnings.add(
          new Warning(
              Warning.Code.BOOT_SPANS_DISKS,
              "/boot rests on "
                  + boot.size()
                  + " disks ("
                  + boot.stream().map(Disk::path).collect(Collectors.joining(", "))
                  + "); replicate all of them or the server may not boot"));
    }
    if (inventory.rootDisks().isEmpty()) {
      warnings.add(
          new Warning(
              Warning.Code.ROOT_DISK_UNKNOWN,
              "no disk backs /, so the root disk could not be added; list it yourself"));
    }
    return warnings;
  }
}
