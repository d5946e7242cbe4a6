package dev.mgnagent.host.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds the processes of a session by reading {@code <proc>/[0-9]+/stat}. Processes that vanish
 * while being read are skipped.
 */
final class SessionScanner {

  private final Path proc;

  /** Reads the process table under {@code proc}: {@code /proc} on this machine. */
  SessionScanner(Path proc) {
    this.proc = proc;
  }

  /** The IDs of the processes (zombies included) whose session ID is {@code sessionId}. */
  List<Long> members(long sessionId) {
    List<Long> members = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, SessionScanner::isPidDir)) {
      for (Path entry : entries) {
        long pid = Long.parseLong(entry.getFileName().toString());
        if (sessionOf(pid).equals(OptionalLong.of(sessionId))) {
          members.add(pid);
        }
      }
    } catch (IOException e) {
      throw cannotList(e);
    } catch (DirectoryIteratorException e) {
      throw cannotList(e.getCause());
    }
    return members;
  }

  /** The session ID of process {@code pid}; empty if it is gone or its stat is unreadable. */
  OptionalLong sessionOf(long pid) {
    return readStat(pid).map(ProcStat::sessionIdOf).orElse(OptionalLong.empty());
  }

  /**
   * Whether process {@code pid} has exited but is not reaped yet (a zombie). It still has its
   * {@code /proc} entry, and {@link ProcessHandle#isAlive()} counts it as alive: under an init that
   * reaps orphans late, or never (the first process of many containers), for seconds or for good.
   * False when the entry cannot be read.
   */
  boolean isZombie(long pid) {
    return readStat(pid).map(ProcStat::hasExited).orElse(false);
  }

  /** The start time of process {@code pid} in clock ticks since boot; empty if it is gone. */
  OptionalLong startTicksOf(long pid) {
    return readStat(pid).map(ProcStat::startTicksOf).orElse(OptionalLong.empty());
  }

  /**
   * The time since boot in the clock ticks of {@code stat}'s start time ({@code USER_HZ}, 100 on
   * every Linux architecture): read from {@code uptime}, the same boot-time clock.
   */
  OptionalLong nowTicks() {
    try {
      String uptime = Files.readString(proc.resolve("uptime"), StandardCharsets.US_ASCII).strip();
      String seconds = uptime.split("\\s+")[0];
      return OptionalLong.of(new java.math.BigDecimal(seconds).movePointRight(2).longValue());
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** The command line of process {@code pid}, arguments joined by spaces; its name if empty. */
  String commandOf(long pid) {
    Path dir = proc.resolve(Long.toString(pid));
    try {
      byte[] cmdline = Files.readAllBytes(dir.resolve("cmdline"));
      String text = new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' ').strip();
      if (!text.isEmpty()) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
      }
      return "[" + Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).strip() + "]";
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private Optional<String> readStat(long pid) {
    try {
      // comm may hold any bytes; Latin-1 decodes every byte, so no line is refused as malformed
      byte[] stat = Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("stat"));
      return Optional.of(new String(stat, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      return Optional.empty(); // the process exited between listing and reading
    }
  }

  private UncheckedIOException cannotList(IOException cause) {
    return new UncheckedIOException("cannot list the processes in " + proc, cause);
  }

  private static boolean isPidDir(Path entry) {
    String name = entry.getFileName().toString();
    boolean digits = name.chars().allMatch(c -> c >= '0' && c <= '9');
    return digits && !name.isEmpty() && name.length() < 19; // fits a long
  }
}
