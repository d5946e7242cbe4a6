package dev.mgnagent.disk.internal;

import dev.mgnagent.disk.internal.BlockDeviceNode.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks from any block device down to the whole disks it rests on: a partition to its disk, an LV
 * or md array through {@code slaves/}, a multipath path to its map. Cycles and dangling links in a
 * malformed tree end the walk instead of looping.
 */
final class DiskGraph {

  private final Map<String, BlockDeviceNode> nodes;
  private final Map<String, List<String>> holders;

  /**
   * @param holders each device's holders: the inverse of the stacked devices' slaves
   */
  DiskGraph(Map<String, BlockDeviceNode> nodes, Map<String, List<String>> holders) {
    this.nodes = nodes;
    this.holders = holders;
  }

  /** Names of the disks under {@code node}, in kernel order; the node itself when it is a disk. */
  Set<String> disksUnder(BlockDeviceNode node) {
    Set<String> disks = new TreeSet<>(DeviceNameOrder.INSTANCE);
    walk(node, disks, new HashSet<>());
    return disks;
  }

  private void walk(BlockDeviceNode node, Set<String> disks, Set<String> visited) {
    if (!visited.add(node.name())) {
      return;
    }
    if (node.isDisk()) {
      disks.add(node.name());
      return;
    }
    if (node.role() == Role.MULTIPATH_PATH) {
      for (String holder : holders.getOrDefault(node.name(), List.of())) {
        BlockDeviceNode map = nodes.get(holder);
        if (map != null && map.role() == Role.MULTIPATH) {
          disks.add(map.name());
        }
      }
      return;
    }
    for (String lower : node.lower()) {
      BlockDeviceNode next = nodes.get(lower);
      if (next != null) {
        walk(next, disks, visited);
      }
    }
  }
}
