package dev.mgnagent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The host's name as the kernel reports it ({@code proc/sys/kernel/hostname}, else {@code
 * etc/hostname}) under the host's root: what the agent reports to MGN as its hostname.
 */
public final class HostName {

  private static final int MAX_LENGTH = 255;

  private HostName() {}

  /** The hostname, or empty when neither file exists or holds one. */
  public static Optional<String> of(Host host) {
    for (String file : new String[] {"proc/sys/kernel/hostname", "etc/hostname"}) {
      Path path = host.root().resolve(file);
      try {
        if (Files.isRegularFile(path) && Files.size(path) <= 4096) {
          String name = Files.readString(path).strip();
          if (!name.isEmpty() && name.length() <= MAX_LENGTH && !name.contains("\n")) {
            return Optional.of(name);
          }
        }
      } catch (IOException e) {
        // unreadable: try the next file
      }
    }
    return Optional.empty();
  }
}
