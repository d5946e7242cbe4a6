package dev.mgnagent.disk.internal;

import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the inventory from sysfs and mountinfo under a host's root. */
public final class DefaultDiskInventory implements DiskInventory {

  private final Host host;

  public DefaultDiskInventory(Host host) {
    this.host = Objects.requireNonNull(host, "host");
  }

  @Override
  public Inventory read() {
    SysfsReader reader = new SysfsReader(host.root());
    List<RawBlockDevice> devices = reader.readBlockDevices();
    Optional<String> mountInfo;
    String problem = "";
    try {
      mountInfo = Optional.of(reader.readMountInfo());
    } catch (NoSuchFileException e) {
      mountInfo = Optional.empty();
      problem = "proc/self/mountinfo does not exist";
    } catch (IOException e) {
      mountInfo = Optional.empty();
      problem = "proc/self/mountinfo could not be read";
    }
    DevicePathResolver resolver = new DevicePathResolver(host.root());
    return new InventoryAssembler(resolver::kernelName).assemble(devices, mountInfo, problem);
  }
}
