package dev.mgnagent.preflight;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Free space of the file system holding a path on the host, as {@code df} reports it for an
 * unprivileged user. The space checks ask it for {@code /}, {@code /tmp} and {@code /boot}.
 *
 * <p>The free space of a copied or fake tree is not the host's, so a tree's space cannot be read
 * with {@code statvfs}: tests supply their own (the testkit's fake hosts do).
 */
@FunctionalInterface
public interface FileSystemSpace {

  /**
   * Bytes available to unprivileged users on the file system holding {@code absolutePath}.
   *
   * @return empty when it cannot be measured
   */
  OptionalLong availableBytes(String absolutePath);

  /** The live file systems of this machine under {@code root}: {@code statvfs} through the JDK. */
  static FileSystemSpace statvfs(Path root) {
    return absolutePath -> {
      try {
        return OptionalLong.of(
            Files.getFileStore(root.resolve(absolutePath.substring(1))).getUsableSpace());
      } catch (IOException | RuntimeException e) {
        return OptionalLong.empty();
      }
    };
  }
}
