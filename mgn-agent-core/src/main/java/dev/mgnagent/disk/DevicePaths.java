package dev.mgnagent.disk;

import dev.mgnagent.disk.internal.DevicePathResolver;
import dev.mgnagent.host.Host;
import java.util.Optional;

/**
 * Follows a {@code /dev} path through the host's udev symlinks ({@code /dev/xvda -> nvme0n1},
 * {@code /dev/mapper/vg0-root -> ../dm-0}, {@code /dev/disk/by-id/...}) to a kernel name. The file
 * type of the final entry is never checked: under a copied or fake root, device nodes are plain
 * files.
 */
@FunctionalInterface
public interface DevicePaths {

  /**
   * The kernel name {@code devPath} leads to, such as {@code dm-0}; empty when the path is not
   * under {@code /dev}, does not exist on the host, or its links loop.
   */
  Optional<String> kernelName(String devPath);

  /** The {@code dev/} tree under {@code host}'s root. */
  static DevicePaths of(Host host) {
    return new DevicePathResolver(host.root())::kernelName;
  }
}
