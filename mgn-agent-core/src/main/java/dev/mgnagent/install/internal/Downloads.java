package dev.mgnagent.install.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What this installation downloaded: a temporary directory it created (always removed at the
 * end), or an installer file it wrote into the caller's work directory (removed on failure).
 */
final class Downloads {
  Path createdDirectory;
  Path installerInCallerDirectory;

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
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
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
