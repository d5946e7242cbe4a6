package dev.mgnagent.disk;

import dev.mgnagent.disk.internal.DefaultDiskInventory;
import dev.mgnagent.host.Host;

/**
 * Lists the disks of a {@link Host} that MGN can replicate, from the kernel's own files under the
 * host's root ({@code sys/block}, {@code sys/class/block}, {@code proc/self/mountinfo}).
 *
 * <pre>{@code
 * Inventory inventory = DiskInventory.of(LocalHost.create()).read();
 * inventory.rootDisks().forEach(d -> System.out.println(d.path() + " " + d.sizeBytes()));
 * }</pre>
 *
 * <p>Loop, ram, zram, optical, floppy and zero-size devices are not disks. Device-mapper and md
 * devices are resolved to the disks under them; a multipath map is itself a disk.
 */
public interface DiskInventory {

  /**
   * An inventory of {@code host}'s disks. Reading happens in {@link #read()}, each time it is
   * called.
   */
  static DiskInventory of(Host host) {
    return new DefaultDiskInventory(host);
  }

  /**
   * Reads the host's block devices now.
   *
   * @throws DiskInventoryException if {@code sys/block} cannot be listed at all
   */
  Inventory read();
}
