package dev.mgnagent.disk.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Follows a {@code /dev} path (and the udev symlinks it goes through, such as {@code
 * /dev/mapper/vg0-root -> ../dm-0} or {@code /dev/xvda -> nvme0n1}) to the kernel name of the block
 * device, inside a host root. Absolute link targets are taken relative to the host root, so a fake
 * tree never leads to the real {@code /dev}. The entry's file type is not checked: under a fake
 * root, device nodes are plain files.
 */
public final class DevicePathResolver {

  private static final int MAX_LINKS = 16;

  private final Path root;

  public DevicePathResolver(Path root) {
    this.root = root;
  }

  /**
   * The kernel name {@code devPath} finally names, such as {@code dm-0} for {@code
   * /dev/mapper/vg0-root}; empty when the path is not under {@code /dev}, does not exist, or loops.
   */
  public Optional<String> kernelName(String devPath) {
    if (!devPath.startsWith("/dev/")) {
      return Optional.empty();
    }
    String current = Path.of(devPath).normalize().toString();
    for (int hops = 0; hops <= MAX_LINKS; hops++) {
      if (!current.startsWith("/dev/")) {
        return Optional.empty();
      }
      Path inRoot = root.resolve(current.substring(1));
      if (!Files.isSymbolicLink(inRoot)) {
        return Files.exists(inRoot) && insideRoot(inRoot)
            ? Optional.of(inRoot.getFileName().toString())
            : Optional.empty();
      }
      try {
        // the link is read where the root is (over SFTP for a remote host): its target is taken
        // as text, never mixed with this machine's paths (a foreign path cannot be resolved)
        Path target = Path.of(Files.readSymbolicLink(inRoot).toString());
        Path next = target.isAbsolute() ? target : Path.of(current).getParent().resolve(target);
        current = next.normalize().toString();
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code path}, with every symlink on the way resolved, is still under the host root: a
   * directory such as {@code dev/disk} linked outside the tree must not lead to the real host.
   */
  private boolean insideRoot(Path path) {
    try {
      return path.toRealPath().startsWith(root.toRealPath());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}
