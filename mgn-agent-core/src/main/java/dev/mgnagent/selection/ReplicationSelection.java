package dev.mgnagent.selection;

import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.selection.internal.DefaultReplicationSelection;

/**
 * Decides which disks the installer replicates, by the installer's documented rules: no request
 * means every disk; a partition, LVM volume, md array or alias selects the whole disk(s) under it;
 * the root disk is always in; {@code --force-volumes} passes the listed paths as given but must
 * include the root disk.
 *
 * <pre>{@code
 * Host host = LocalHost.create();
 * Inventory inventory = DiskInventory.of(host).read();
 * Selection selection = ReplicationSelection.of(inventory, DevicePaths.of(host))
 *     .select(SelectionRequest.devices("/dev/sdb1, /dev/mapper/vg0-data"));
 * selection.devicesArgument(); // "/dev/sda,/dev/sdb,/dev/sdc"
 * }</pre>
 */
public interface ReplicationSelection {

  /** A selection over {@code inventory}, resolving typed paths through {@code devicePaths}. */
  static ReplicationSelection of(Inventory inventory, DevicePaths devicePaths) {
    return new DefaultReplicationSelection(inventory, devicePaths);
  }

  /**
   * Applies the rules to {@code request}.
   *
   * @throws InvalidSelectionException if any listed item is invalid: nothing is selected then
   */
  Selection select(SelectionRequest request);
}
