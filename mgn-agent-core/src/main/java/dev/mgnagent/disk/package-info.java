/**
 * The block devices of a host, read from the kernel's own files under the host's root: {@link
 * dev.mgnagent.disk.DiskInventory} gives an {@link dev.mgnagent.disk.Inventory} of disks,
 * partitions and stacked devices (LVM, md, multipath, crypt).
 *
 * <p>Null contract: no public method here accepts or returns {@code null}; an absent value is an
 * empty {@code Optional} or an empty collection. Stability: public API, evolving before 1.0 (a
 * minor release may change it; every change is listed in CHANGELOG.md).
 */
package dev.mgnagent.disk;
