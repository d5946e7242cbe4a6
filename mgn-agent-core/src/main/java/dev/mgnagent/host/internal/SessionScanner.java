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
