package dev.mgnagent.disk.internal;

import dev.mgnagent.disk.StackedDeviceType;
import java.util.List;
import java.util.Optional;

/**
 * A block device after its sysfs files were parsed: one node of the graph that links partitions to
 * their disks and stacked devices to what they rest on.
 */
record BlockDeviceNode(
    RawBlockDevice raw,
    Role role,
    Optional<StackedDeviceType> stackedType,
    String majorMinor,
    long sizeBytes,
    boolean removable,
    boolean readOnly,
    Optional<String> parent,
    List<String> lower) {

  /** What a node is in the inventory. */
  enum Role {
    /** A whole disk MGN can replicate. */
    DISK,
    /** A multipath map: replicated as one disk. */
    MULTIPATH,
    /** One path of a multipath map: not replicated on its own. */
    MULTIPATH_PATH,
    /** A partition of a disk (or of an md device). */
    PARTITION,
    /** LVM, dm-crypt, md, a dm partition: rests on other devices. */
    STACKED
  }

  String name() {
    return raw.name();
  }

  boolean isDisk() {
    return role == Role.DISK || role == Role.MULTIPATH;
  }

  BlockDeviceNode withRole(Role newRole) {
    return new BlockDeviceNode(
        raw, newRole, stackedType, majorMinor, sizeBytes, removable, readOnly, parent, lower);
  }
}
