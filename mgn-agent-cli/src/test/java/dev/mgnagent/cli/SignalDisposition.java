package dev.mgnagent.cli;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether this JVM can receive a signal at all. A shell without job control starts background
 * commands with SIGINT ignored, and {@code nohup} ignores SIGHUP; an ignored signal stays ignored
 * through every exec, so a build started that way runs its test JVMs (and the CLIs they start) deaf
 * to it. The JVM then installs no handler for it, as the CLI does not either: a test that sends it
 * could only time out.
 */
public final class SignalDisposition {
  private static final Map<String, Integer> NUMBERS = Map.of("HUP", 1, "INT", 2, "TERM", 15);

  private SignalDisposition() {}

  /** Skips the calling test when {@code signal} (HUP, INT or TERM) is ignored by this JVM. */
  public static void assumeDelivered(String signal) {
    assumeFalse(
        ignored(signal),
        "SIG"
            + signal
            + " is ignored by this JVM (the build was started in the background without job"
            + " control, or under nohup), so it cannot be sent to the CLI");
  }

  /** Whether {@code signal} is ignored by this process, from {@code /proc/self/status}. */
  public static boolean ignored(String signal) {
    Integer number = NUMBERS.get(signal);
    if (number == null) {
      throw new IllegalArgumentException("not a signal these tests send: " + signal);
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          return new BigInteger(line.substring("SigIgn:".length()).strip(), 16).testBit(number - 1);
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
