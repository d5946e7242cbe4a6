package dev.mgnagent.selection.internal;

import dev.mgnagent.disk.BlockDevice;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.Inventory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the block device a typed path means: by its own path ({@code /dev/sda1}, {@code
 * /dev/mapper/vg0-root}), through the host's {@code /dev} symlinks, or, where the {@code dev/}
 * entry is missing (a copied tree, a container), by the kernel name in {@code /dev/<name>} or the
 * device-mapper name in {@code /dev/<vg>/<lv>}. Never by file type.
 */
final class DeviceResolver {

  private static final Pattern DIRECT = Pattern.compile("/dev/([^/]+)");
  private static final Pattern VOLUME = Pattern.compile("/dev/([^/]+)/([^/]+)");

  private final DevicePaths devicePaths;
  private final Map<String, BlockDevice> byName = new HashMap<>();
  private final Map<String, BlockDevice> byPath = new HashMap<>();

  DeviceResolver(Inventory inventory, DevicePaths devicePaths) {
    this.devicePaths = devicePaths;
    for (BlockDevice device : inventory.blockDevices()) {
      byName.put(device.name(), device);
      byPath.putIfAbsent(device.path(), device);
    }
  }

  Optional<BlockDevice> resolve(String path) {
    BlockDevice own = byPath.get(path);
    if (own != null) {
      return Optional.of(own);
    }
    Optional<String> linked = devicePaths.kernelName(path);
    if (linked.isPresent()) {
      return Optional.ofNullable(byName.get(linked.get()));
    }
    Matcher direct = DIRECT.matcher(path);
    if (direct.matches()) {
      return Optional.ofNullable(byName.get(direct.group(1)));
    }
    Matcher volume = VOLUME.matcher(path);
    if (volume.matches() && !volume.group(1).equals("mapper")) {
      String dmName = volume.group(1).replace("-", "--") + "-" + volume.group(2).replace("-", "--");
      return Optional.ofNullable(byPath.get("/dev/mapper/" + dmName));
    }
    return Optional.empty();
  }
}
