package dev.mgnagent.host;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Looks at processes from the outside, for tests: reads {@code /proc} independently of the code
 * under test, and waits with generous upper bounds (never asserting that anything was fast).
 */
final class ProcessProbe {

  /** How long to wait for something that should happen at once; only an upper bound. */
  static final Duration PATIENCE = Duration.ofSeconds(10);

  private ProcessProbe() {}

  /** Reads until the text read so far ends with {@code suffix}; fails at end of stream. */
  static String readUntil(InputStream in, String suffix) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] buffer = new byte[256];
    while (!seen.toString(StandardCharsets.UTF_8).endsWith(suffix)) {
      int n = in.read(buffer);
      if (n < 0) {
        fail("end of stream before \"%s\"; read \"%s\"", suffix, seen);
      }
      seen.write(buffer, 0, n);
    }
    return seen.toString(StandardCharsets.UTF_8);
  }

  static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  /** The fields of {@code /proc/<pid>/stat} from field 3 (state) on; empty once it is gone. */
  static Optional<String[]> statAfterComm(long pid) {
    try {
      return Optional.of(afterComm(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Fields 3 (state), 4, 5, 6 (session), 7 (tty_nr), ... of a stat line. */
  static String[] afterComm(String statLine) {
    return statLine.substring(statLine.lastIndexOf(')') + 1).strip().split("\\s+");
  }

  static long sessionOf(long pid) {
    return Long.parseLong(statAfterComm(pid).orElseThrow()[3]);
  }

  static long ttyOf(long pid) {
    return Long.parseLong(statAfterComm(pid).orElseThrow()[4]);
  }

  /** Running or not yet reaped? A zombie counts as dead. */
  static boolean isRunning(long pid) {
    return statAfterComm(pid).map(fields -> !fields[0].equals("Z")).orElse(false);
  }

  /**
   * {@code /proc/PID/cmdline} with spaces between the arguments; empty once the process is gone.
   */
  static String commandLineOf(long pid) {
    try {
      return new String(
              Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
              StandardCharsets.UTF_8)
          .replace('\0', ' ')
          .strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** The processes of session {@code sessionId}, found by scanning {@code /proc}. */
  static List<Long> sessionMembers(long sessionId) throws IOException {
    List<Long> members = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : entries) {
        long pid = Long.parseLong(entry.getFileName().toString());
        Optional<String[]> fields = statAfterComm(pid);
        if (fields.isPresent() && Long.parseLong(fields.get()[3]) == sessionId) {
          members.add(pid);
        }
      }
    }
    return members;
  }

  static void awaitDeath(long pid) throws InterruptedException {
    await(() -> !isRunning(pid), "process " + pid + " to die");
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("waited %s for %s", PATIENCE, what);
      }
      Thread.sleep(10);
    }
  }

  /** Best effort, for test clean-up: kills what a failed test may have left behind. */
  static void killQuietly(List<Long> pids) {
    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }
}
