/**
 * Fake Linux block devices: {@link dev.mgnagent.testkit.disk.FakeBlockDevices} writes a directory
 * laid out like a real host's {@code /sys}, {@code /dev} and {@code /proc} (disks, partitions,
 * NVMe, virtio, xvd, LVM, md RAID, multipath, noise devices, mountinfo), and {@link
 * dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios} holds ready-made machines. Point code that
 * reads the kernel's files, such as {@code DiskInventory} through {@code LocalHost.rootedAt}, at
 * the written tree.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: public testkit API, evolving before 1.0; it may change in a minor release, and the
 * change log says how.
 */
package dev.mgnagent.testkit.disk;
