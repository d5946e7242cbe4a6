package dev.mgnagent.install.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What this installation downloaded: a temporary directory it created (always removed at the end),
 * or an installer file it wrote into the caller's work directory (removed on failure).
 */
final class Downloads {
  Path createdDirectory;
  Path installerInCallerDirectory;

  /**
   * A new private directory for the installer: under the host's {@code $TMPDIR} when it is set to
   * an absolute path (preflight checks that directory's mount, and a hardened host often mounts
   * {@code /tmp} noexec), otherwise under {@code java.io.tmpdir}.
   */
  static Path temporaryDirectory(Map<String, String> environment) {
    String tmpdir = environment.get("TMPDIR");
    try {
      if (tmpdir != null && !tmpdir.isBlank() && Path.of(tmpdir).isAbsolute()) {
        return Files.createTempDirectory(Path.of(tmpdir), "mgn-agent-installer-");
      }
      return Files.createTempDirectory(
          Path.of(System.getProperty("java.io.tmpdir")), "mgn-agent-installer-");
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new UncheckedIOException(
          "cannot create a directory for the installer under "
              + (tmpdir != null ? tmpdir + " ($TMPDIR)" : System.getProperty("java.io.tmpdir")),
          e instanceof IOException ? (IOException) e : new IOException(e.getMessage(), e));
    }
  }

  void cleanUp(boolean succeeded) {
    if (createdDirectory != null) {
      deleteTree(createdDirectory);
    } else if (installerInCallerDirectory != null && !succeeded) {
      try {
        Files.deleteIfExists(installerInCallerDirectory);
      } catch (IOException e) {
        // best effort: the failure being reported matters more than this file
      }
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort, see above
                }
              });
    } catch (IOException e) {
      // already gone, or unreadable: nothing more mgn-agent can do
    }
  }
}
