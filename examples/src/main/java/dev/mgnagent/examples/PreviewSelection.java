package dev.mgnagent.examples;

import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.selection.InvalidSelectionException;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.SelectedDisk;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import java.nio.file.Path;

/**
 * Previews which disks the installer would replicate for a {@code --devices} string, without
 * installing anything: partitions, LVM volumes and aliases widen to their disks, and the root disk
 * is always added.
 *
 * <pre>
 * java dev.mgnagent.examples.PreviewSelection "/dev/sdb1, /dev/mapper/vg0-data" [/some/tree]
 * </pre>
 */
public final class PreviewSelection {

  private PreviewSelection() {}

  public static void main(String[] args) {
    Host host = args.length < 2 ? LocalHost.create() : LocalHost.rootedAt(Path.of(args[1]));
    ReplicationSelection rules =
        ReplicationSelection.of(DiskInventory.of(host).read(), DevicePaths.of(host));

    try {
      Selection selection = rules.select(SelectionRequest.devices(args.length == 0 ? "" : args[0]));
      for (SelectedDisk disk : selection.disks()) {
        System.out.println(disk.path() + " " + disk.orderedReasons());
      }
      System.out.println("--devices " + selection.devicesArgument());
    } catch (InvalidSelectionException e) {
      System.out.println("refused: " + e.problems());
    }
  }
}
