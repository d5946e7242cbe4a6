package dev.mgnagent.examples;

import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.disk.Partition;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import java.nio.file.Path;

/**
 * Lists the disks MGN can replicate, with their partitions, the way a migration tool would read
 * them before onboarding a server.
 *
 * <pre>
 * java dev.mgnagent.examples.ListDisks            # this machine
 * java dev.mgnagent.examples.ListDisks /some/tree # a copied or fake root
 * </pre>
 */
public final class ListDisks {

  private ListDisks() {}

  public static void main(String[] args) {
    Host host = args.length == 0 ? LocalHost.create() : LocalHost.rootedAt(Path.of(args[0]));
    Inventory inventory = DiskInventory.of(host).read();

    for (Disk disk : inventory.disks()) {
      System.out.printf(
          "%s %d GiB%s%s%n",
          disk.path(),
          disk.sizeBytes() >> 30,
          disk.root() ? " root" : "",
          disk.boot() ? " boot" : "");
      for (Partition partition : disk.partitions()) {
        System.out.printf("  %s %s%n", partition.path(), partition.mountPoints());
      }
    }
    inventory
        .warnings()
        .forEach(w -> System.out.println("warning " + w.code() + ": " + w.message()));
  }
}
