package dev.mgnagent.mgn;

import dev.mgnagent.Warning;
import java.util.List;

/**
 * What {@link DiskReconciler} found: one line per disk (MGN's replicated disks first, in MGN's
 * order, then the host's other disks in kernel order) and boot-disk warnings.
 *
 * @param disks the lines
 * @param warnings boot-disk problems
 */
public record Reconciliation(List<ReconciledDisk> disks, List<Warning> warnings) {

  /** Copies the lists. */
  public Reconciliation {
    disks = List.copyOf(disks);
    warnings = List.copyOf(warnings);
  }

  /**
   * Whether the operator must act: a disk is on the host but not replicated, a replicated disk is
   * gone, or the boot disk was renamed.
   */
  public boolean needsAction() {
    return warnings.stream().anyMatch(w -> w.code() == Warning.Code.BOOT_DISK_RENAMED)
        || disks.stream()
            .anyMatch(
                d ->
                    d.change() == DiskChange.NOT_REPLICATED
                        || d.change() == DiskChange.DISCONNECTED);
  }
}
