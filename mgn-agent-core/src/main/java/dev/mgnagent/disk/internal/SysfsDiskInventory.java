package dev.mgnagent.disk.internal;

import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;

/** Reads the inventory from sysfs and mountinfo under a host's root. */
public final class SysfsDiskInventory implements DiskInventory {

  private final Host host;

  public SysfsDiskInventory(Host host) {
    this.host = host;
  }

  @Override
  public Inventory read() {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
