package dev.mgnagent.cli.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Ends the sandbox when its stdin reaches end-of-file: the way a parent process that started it
 * through a pipe says "stop". A stdin that is closed or {@code /dev/null} from the start (a
 * background job, a service) is ignored, so that only a signal stops the sandbox.
 */
final class StdinWatcher {

  private StdinWatcher() {}

  static void stopWhenClosed(CountDownLatch stop) {
    if (closedAtStart()) {
      return;
    }
    Thread watcher =
        new Thread(
            () -> {
              InputStream in = System.in;
              byte[] buffer = new byte[256];
              try {
                while (in.read(buffer) >= 0) {
                  // input is ignored; only its end matters
                }
              } catch (IOException e) {
                // a broken stdin ends the sandbox too
              }
              stop.countDown();
            },
            "sandbox-stdin");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static boolean closedAtStart() {
    Path stdin = Path.of("/proc/self/fd/0");
    if (!Files.exists(stdin)) {
      return true;
    }
    try {
      return Files.isSameFile(stdin, Path.of("/dev/null"));
    } catch (IOException e) {
      return true;
    }
  }
}
