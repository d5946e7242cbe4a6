package dev.mgnagent.selection.internal;

import dev.mgnagent.Shown;
import dev.mgnagent.disk.BlockDevice;
import dev.mgnagent.disk.BlockDeviceRole;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.selection.InvalidSelectionException;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.SelectedDisk;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionReason;
import dev.mgnagent.selection.SelectionRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The installer's disk rules over one inventory. Pure: the host is only reached through {@link
 * DevicePaths}.
 */
public final class DefaultReplicationSelection implements ReplicationSelection {

  private static final String DEVICES = "devices";
  private static final Set<BlockDeviceRole> FORCEABLE =
      EnumSet.of(
          BlockDeviceRole.DISK,
          BlockDeviceRole.MULTIPATH_MAP,
          BlockDeviceRole.MULTIPATH_PATH,
          BlockDeviceRole.PARTITION,
          BlockDeviceRole.STACKED);

  private final Inventory inventory;
  private final DeviceResolver resolver;
  private final Map<String, Disk> disksByName = new HashMap<>();

  public DefaultReplicationSelection(Inventory inventory, DevicePaths devicePaths) {
    this.inventory = inventory;
    this.resolver = new DeviceResolver(inventory, devicePaths);
    inventory.disks().forEach(d -> disksByName.put(d.name(), d));
  }

  @Override
  public Selection select(SelectionRequest request) {
    if (request.forceVolumes()) {
      return forced(request.devices().orElseThrow());
    }
    Map<String, Set<SelectionReason>> reasons = new HashMap<>();
    if (request.namesDevices()) {
      requested(request.devices().orElseThrow(), reasons);
    } else {
      inventory.disks().forEach(d -> reason(reasons, d.name(), SelectionReason.ALL_DISKS));
    }
    inventory.rootDisks().forEach(d -> reason(reasons, d.name(), SelectionReason.ROOT));
    List<SelectedDisk> selected = new ArrayList<>();
    for (Disk disk : inventory.disks()) {
      Set<SelectionReason> why = reasons.get(disk.name());
      if (why != null) {
        selected.add(new SelectedDisk(disk.path(), disk.name(), disk.sizeBytes(), why));
      }
    }
    return new Selection(selected, SelectionWarnings.of(inventory, selected), false);
  }

  private void requested(String devices, Map<String, Set<SelectionReason>> reasons) {
    List<String> problems = new ArrayList<>();
    for (Listed item : resolveAll(devices, problems)) {
      Optional<String> problem = unusable(item.path(), item.device());
      if (problem.isPresent()) {
        problems.add(problem.get());
      } else {
        for (String disk : item.device().diskNames()) {
          reason(reasons, disk, reasonFor(item.path(), item.device()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
  }

  /** A syntactically valid item and the device it names. */
  private record Listed(String path, BlockDevice device) {}

  /** The items that name a block device; every other item adds its problem to {@code problems}. */
  private List<Listed> resolveAll(String devices, List<String> problems) {
    List<Listed> listed = new ArrayList<>();
    for (DeviceListParser.Item item : DeviceListParser.parse(devices)) {
      if (item.problem().isPresent()) {
        problems.add(item.problem().get());
        continue;
      }
      Optional<BlockDevice> device = resolver.resolve(item.text());
      if (device.isPresent()) {
        listed.add(new Listed(item.text(), device.get()));
      } else {
        problems.add(Shown.quoted(item.text()) + " is not a block device of this server");
      }
    }
    return listed;
  }

  private Selection forced(String devices) {
    List<String> problems = new ArrayList<>();
    Map<String, SelectedDisk> listed = new LinkedHashMap<>();
    Set<String> covered = new LinkedHashSet<>();
    for (Listed item : resolveAll(devices, problems)) {
      BlockDevice found = item.device();
      if (!FORCEABLE.contains(found.role())) {
        problems.add(Shown.quoted(item.path()) + " is not a block device that holds data");
        continue;
      }
      boolean wholeDisk =
          found.role() == BlockDeviceRole.DISK
              || found.role() == BlockDeviceRole.MULTIPATH_MAP
              || found.role() == BlockDeviceRole.MULTIPATH_PATH;
      if (wholeDisk) {
        covered.addAll(found.diskNames());
      }
      Set<SelectionReason> why = EnumSet.of(SelectionReason.FORCED);
      if (wholeDisk && found.diskNames().stream().anyMatch(this::isRoot)) {
        why.add(SelectionReason.ROOT);
      }
      listed.putIfAbsent(
          item.path(), new SelectedDisk(item.path(), found.name(), found.sizeBytes(), why));
    }
    if (problems.isEmpty()) {
      for (Disk root : inventory.rootDisks()) {
        if (!covered.contains(root.name())) {
          problems.add("with forceVolumes the list must include the root disk " + root.path());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    List<SelectedDisk> selected = List.copyOf(listed.values());
    return new Selection(selected, SelectionWarnings.of(inventory, selected), true);
  }

  private boolean isRoot(String diskName) {
    Disk disk = disksByName.get(diskName);
    return disk != null && disk.root();
  }

  private static SelectionReason reasonFor(String typed, BlockDevice device) {
    return switch (device.role()) {
      case DISK, MULTIPATH_MAP ->
          typed.equals(device.path()) ? SelectionReason.REQUESTED : SelectionReason.VIA_ALIAS;
      case MULTIPATH_PATH -> SelectionReason.VIA_ALIAS;
      default -> SelectionReason.VIA_PARTITION;
    };
  }

  private static Optional<String> unusable(String path, BlockDevice device) {
    return switch (device.role()) {
      case NOT_A_DISK ->
          Optional.of(
              Shown.quoted(path)
                  + " is not a disk MGN can replicate"
                  + " (loop, ram, zram, optical, floppy and empty devices are not)");
      case UNREADABLE ->
          Optional.of(
              Shown.quoted(path)
                  + " was left out of the inventory because its"
                  + " sysfs files could not be read");
      default ->
          device.diskNames().isEmpty()
              ? Optional.of(Shown.quoted(path) + " rests on no disk of this server")
              : Optional.empty();
    };
  }

  private InvalidSelectionException invalid(List<String> problems) {
    return new InvalidSelectionException(
        DEVICES, problems, inventory.disks().stream().map(Disk::path).toList());
  }

  private static void reason(
      Map<String, Set<SelectionReason>> reasons, String disk, SelectionReason reason) {
    reasons.computeIfAbsent(disk, k -> EnumSet.noneOf(SelectionReason.class)).add(reason);
  }
}
