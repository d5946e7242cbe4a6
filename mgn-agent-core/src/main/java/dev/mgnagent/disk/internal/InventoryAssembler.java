package dev.mgnagent.disk.internal;

import dev.mgnagent.Warning;
import dev.mgnagent.disk.BlockDevice;
import dev.mgnagent.disk.BlockDeviceRole;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.DiskKind;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.disk.Partition;
import dev.mgnagent.disk.StackedDevice;
import dev.mgnagent.disk.StackedDeviceType;
import dev.mgnagent.disk.internal.BlockDeviceNode.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds an {@link Inventory} from what {@link SysfsReader} read: pure, so tests feed it fixtures.
 * Classifies the devices, resolves stacked devices and partitions to the disks under them, and
 * marks the disks that back {@code /} and {@code /boot}.
 */
final class InventoryAssembler {

  private final Function<String, Optional<String>> devPathToKernelName;
  private final List<Warning> warnings = new ArrayList<>();
  private final Map<String, BlockDeviceNode> nodes = new TreeMap<>(DeviceNameOrder.INSTANCE);
  private final Map<String, BlockDevice> leftOut = new TreeMap<>(DeviceNameOrder.INSTANCE);

  /** Each device's holders, in kernel order: the inverse of the stacked devices' slaves. */
  private final Map<String, List<String>> holders = new HashMap<>();

  /**
   * @param devPathToKernelName resolves a mount source such as {@code /dev/mapper/vg0-root} to a
   *     kernel name, for file systems (btrfs) whose mountinfo device number is anonymous
   */
  InventoryAssembler(Function<String, Optional<String>> devPathToKernelName) {
    this.devPathToKernelName = devPathToKernelName;
  }

  /**
   * @param mountInfo the text of {@code proc/self/mountinfo}, or empty with {@code
   *     mountInfoProblem} saying why it could not be read
   */
  Inventory assemble(
      List<RawBlockDevice> devices, Optional<String> mountInfo, String mountInfoProblem) {
    parseNodes(devices);
    markMultipathPaths();
    invertSlaves();
    DiskGraph graph = new DiskGraph(nodes, holders);
    MountTable mounts = mountTable(mountInfo, mountInfoProblem);
    Set<String> rootDisks = backingDisks(mounts, "/", graph).orElse(Set.of());
    Set<String> bootDisks = backingDisks(mounts, "/boot", graph).orElse(rootDisks);

    List<Disk> disks = new ArrayList<>();
    List<StackedDevice> stacked = new ArrayList<>();
    Map<String, BlockDevice> all = new TreeMap<>(DeviceNameOrder.INSTANCE);
    all.putAll(leftOut);
    for (BlockDeviceNode node : nodes.values()) {
      if (node.isDisk()) {
        disks.add(disk(node, mounts, rootDisks, bootDisks));
      } else if (node.role() == Role.STACKED) {
        stacked.add(stackedDevice(node, mounts, graph));
      }
      all.put(node.name(), blockDevice(node, graph));
    }
    return new Inventory(disks, stacked, List.copyOf(all.values()), warnings);
  }

  private static BlockDevice blockDevice(BlockDeviceNode node, DiskGraph graph) {
    BlockDeviceRole role =
        switch (node.role()) {
          case DISK -> BlockDeviceRole.DISK;
          case MULTIPATH -> BlockDeviceRole.MULTIPATH_MAP;
          case MULTIPATH_PATH -> BlockDeviceRole.MULTIPATH_PATH;
          case PARTITION -> BlockDeviceRole.PARTITION;
          case STACKED -> BlockDeviceRole.STACKED;
        };
    return new BlockDevice(
        node.name(), pathOf(node), role, node.sizeBytes(), List.copyOf(graph.disksUnder(node)));
  }

  private void parseNodes(List<RawBlockDevice> devices) {
    NodeParser parser = new NodeParser(warnings::add, d -> leftOut.put(d.name(), d));
    for (RawBlockDevice raw : devices) {
      Optional<BlockDeviceNode> device = parser.parseDevice(raw);
      device.ifPresent(node -> nodes.put(node.name(), node));
      if (device.isPresent()) {
        for (RawBlockDevice part : raw.partitions()) {
          parser.parsePartition(part, raw.name()).ifPresent(p -> nodes.put(p.name(), p));
        }
      }
    }
  }

  private void invertSlaves() {
    for (BlockDeviceNode node : nodes.values()) {
      for (String slave : node.raw().slaves()) {
        holders.computeIfAbsent(slave, k -> new ArrayList<>()).add(node.name());
      }
    }
  }

  /** The paths of a multipath map are not disks of their own: the map is. */
  private void markMultipathPaths() {
    for (BlockDeviceNode map : List.copyOf(nodes.values())) {
      if (map.role() == Role.MULTIPATH) {
        for (String path : map.lower()) {
          BlockDeviceNode node = nodes.get(path);
          if (node != null && node.role() == Role.DISK) {
            nodes.put(path, node.withRole(Role.MULTIPATH_PATH));
          }
        }
      }
    }
  }

  private MountTable mountTable(Optional<String> mountInfo, String problem) {
    if (mountInfo.isPresent()) {
      try {
        return MountTable.parse(mountInfo.get());
      } catch (IllegalArgumentException e) {
        problem = "proc/self/mountinfo " + e.getMessage();
      }
    }
    warnings.add(
        new Warning(
            Warning.Code.MOUNTS_UNREADABLE,
            problem + ": mount points, root and boot disks are unknown"));
    return MountTable.empty();
  }

  private Optional<Set<String>> backingDisks(
      MountTable mounts, String mountPoint, DiskGraph graph) {
    Optional<MountEntry> entry = mounts.lastMountAt(mountPoint);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Optional<BlockDeviceNode> node = nodeOf(entry.get());
    if (node.isEmpty() && mountPoint.equals("/")) {
      warnings.add(
          new Warning(
              Warning.Code.ROOT_NOT_ON_BLOCK_DEVICE,
              "/ is on "
                  + entry.get().fsType()
                  + " ("
                  + entry.get().source()
                  + "), not on a"
                  + " block device of this host: no disk is marked as the root disk"));
    }
    return Optional.of(node.map(graph::disksUnder).orElse(Set.of()));
  }

  private Optional<BlockDeviceNode> nodeOf(MountEntry entry) {
    for (BlockDeviceNode node : nodes.values()) {
      if (node.majorMinor().equals(entry.majorMinor())) {
        return Optional.of(node);
      }
    }
    return devPathToKernelName.apply(entry.source()).map(nodes::get);
  }

  private Disk disk(
      BlockDeviceNode node, MountTable mounts, Set<String> rootDisks, Set<String> bootDisks) {
    RawBlockDevice raw = node.raw();
    boolean multipath = node.role() == Role.MULTIPATH;
    return new Disk(
        node.name(),
        pathOf(node),
        node.majorMinor(),
        node.sizeBytes(),
        raw.trimmed("device/model"),
        raw.trimmed("device/vendor"),
        raw.trimmed("serial").or(() -> raw.trimmed("device/serial")),
        node.removable(),
        node.readOnly(),
        multipath ? DiskKind.MULTIPATH : DiskKind.PHYSICAL,
        multipath ? mapPartitions(node, mounts) : partitions(node, mounts),
        mounts.mountPointsOf(node.majorMinor()),
        holderPaths(node.name()),
        rootDisks.contains(node.name()),
        bootDisks.contains(node.name()));
  }

  private List<Partition> partitions(BlockDeviceNode disk, MountTable mounts) {
    List<Partition> partitions = new ArrayList<>();
    for (RawBlockDevice raw : disk.raw().partitions()) {
      BlockDeviceNode node = nodes.get(raw.name());
      if (node != null && node.role() == Role.PARTITION) {
        partitions.add(
            new Partition(
                node.name(),
                "/dev/" + node.name(),
                node.majorMinor(),
                (int) SysfsValues.number(raw.files().get("partition")),
                raw.file("start")
                    .map(s -> OptionalLong.of(SysfsValues.number(s)))
                    .orElse(OptionalLong.empty()),
                node.sizeBytes(),
                mounts.mountPointsOf(node.majorMinor()),
                holderPaths(node.name())));
      }
    }
    partitions.sort((a, b) -> Integer.compare(a.number(), b.number()));
    return partitions;
  }

  /** The kpartx partitions of a multipath map: dm devices with a {@code partN-} uuid on it. */
  private List<Partition> mapPartitions(BlockDeviceNode map, MountTable mounts) {
    List<Partition> partitions = new ArrayList<>();
    for (BlockDeviceNode node : nodes.values()) {
      if (node.stackedType().orElse(null) == StackedDeviceType.DM_PARTITION
          && node.lower().equals(List.of(map.name()))) {
        String uuid = node.raw().trimmed("dm/uuid").orElse("");
        int number = Integer.parseInt(uuid.substring(4, uuid.indexOf('-')));
        partitions.add(
            new Partition(
                node.name(),
                pathOf(node),
                node.majorMinor(),
                number,
                OptionalLong.empty(),
                node.sizeBytes(),
                mounts.mountPointsOf(node.majorMinor()),
                holderPaths(node.name())));
      }
    }
    partitions.sort((a, b) -> Integer.compare(a.number(), b.number()));
    return partitions;
  }

  private StackedDevice stackedDevice(BlockDeviceNode node, MountTable mounts, DiskGraph graph) {
    return new StackedDevice(
        node.name(),
        pathOf(node),
        node.majorMinor(),
        node.stackedType().orElseThrow(),
        node.sizeBytes(),
        mounts.mountPointsOf(node.majorMinor()),
        List.copyOf(graph.disksUnder(node)));
  }

  private List<String> holderPaths(String name) {
    Set<String> paths = new LinkedHashSet<>();
    for (String holder : holders.getOrDefault(name, List.of())) {
      BlockDeviceNode node = nodes.get(holder);
      paths.add(node == null ? "/dev/" + holder : pathOf(node));
    }
    return List.copyOf(paths);
  }

  /** {@code /dev/mapper/<name>} for device-mapper devices, {@code /dev/<kernel name>} otherwise. */
  private static String pathOf(BlockDeviceNode node) {
    Optional<String> dmName = node.raw().trimmed("dm/name");
    return dmName.map(n -> "/dev/mapper/" + n).orElse("/dev/" + node.name());
  }
}
