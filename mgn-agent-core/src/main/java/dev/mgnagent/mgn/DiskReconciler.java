package dev.mgnagent.mgn;

import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.mgn.internal.DefaultDiskReconciler;

/**
 * Compares a host's disks now with what MGN replicates for it ({@code replicatedDisks} and {@code
 * sourceProperties.disks}, matched by device name after alias resolution) and classifies each disk:
 * unchanged, resized (MGN resyncs it), disconnected (MGN drops it), or on the host but not
 * replicated (rerun the installer). It also flags a boot disk whose name changed, as NVMe
 * re-enumeration after a reboot does, by cross-checking MGN's {@code isBootDisk}.
 *
 * <pre>{@code
 * Host host = LocalHost.create();
 * Reconciliation r = DiskReconciler.of(DiskInventory.of(host).read(), DevicePaths.of(host))
 *     .reconcile(ReplicatedDisksReader.of(mgnClient).read(id));
 * }</pre>
 */
public interface DiskReconciler {

  /** A reconciler for the host with this inventory, resolving MGN's names through {@code paths}. */
  static DiskReconciler of(Inventory inventory, DevicePaths paths) {
    return new DefaultDiskReconciler(inventory, paths);
  }

  /** Compares the host with {@code mgn}. */
  Reconciliation reconcile(MgnDisks mgn);
}
