package dev.mgnagent.cli.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetInventory;
import dev.mgnagent.fleet.HostStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --retry-failed RESULTS}: the hosts of the inventory to run again, those that a previous
 * run's results file does not show INSTALLED (FAILED, UNREACHABLE, SKIPPED, CANCELLED, or no line
 * at all because that run ended before them), in inventory order.
 */
final class RetryFailed {

  static final String OPTION = "--retry-failed";

  /** The most bytes read from a results file (a line is a few hundred bytes per host). */
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  /** What to run again, and what the file said. */
  record Selection(List<FleetHost> hosts, int installed, int withoutLine) {}

  private RetryFailed() {}

  /**
   * Reads {@code file} and picks the hosts of {@code inventory} to run again.
   *
   * @param results the new results file of this run, when given: never the file read
   * @throws InvalidRequestException for an unreadable or malformed file (naming the line), a line
   *     whose host is not in the inventory, or {@code results} being the same file
   */
  static Selection select(FleetInventory inventory, Path file, Optional<Path> results) {
    if (results.isPresent() && sameFile(file, results.get())) {
      throw new InvalidRequestException(
          "--results",
          "--results "
              + results.get()
              + " is the file "
              + OPTION
              + " reads; write this run's results to a new file");
    }
    List<String> lines = read(file);
    Map<String, FleetHost> byKey = new LinkedHashMap<>();
    for (FleetHost host : inventory.hosts()) {
      byKey.put(key(host.address(), host.port().isPresent() ? host.port().getAsInt() : 0), host);
    }
    Map<String, Integer> seenOn = new HashMap<>();
    Map<String, HostStatus> statuses = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String text = lines.get(i);
      if (text.isBlank()) {
        continue;
      }
      ResultsLine line;
      try {
        line = ResultsLine.parse(text);
      } catch (IllegalArgumentException e) {
        throw bad(file, number, "not a results line (" + e.getMessage() + ")");
      }
      String address =
          line.text("host").orElseThrow(() -> bad(file, number, "the line names no host"));
      int port = port(file, number, line.text("port"));
      String outcome =
          line.text("outcome").orElseThrow(() -> bad(file, number, "the line has no outcome"));
      HostStatus status;
      try {
        status = HostStatus.valueOf(outcome);
      } catch (IllegalArgumentException e) {
        throw bad(
            file,
            number,
            "the outcome "
                + TerminalText.escape(outcome)
                + " is none of INSTALLED, FAILED, UNREACHABLE, SKIPPED, CANCELLED");
      }
      String key = key(address, port);
      if (!byKey.containsKey(key)) {
        throw bad(
            file,
            number,
            "the host "
                + TerminalText.escape(address)
                + (port == 0 ? "" : " port " + port)
                + " is not in the inventory; give the inventory of the run that wrote this file");
      }
      Integer earlier = seenOn.putIfAbsent(key, number);
      if (earlier != null) {
        throw bad(
            file,
            number,
            "the host "
                + TerminalText.escape(address)
                + " already has a result on line "
                + earlier);
      }
      statuses.put(key, status);
    }
    if (statuses.isEmpty()) {
      throw new InvalidRequestException(
          OPTION, OPTION + " " + file + ": the file holds no result line");
    }
    List<FleetHost> again = new ArrayList<>();
    int installed = 0;
    int withoutLine = 0;
    for (Map.Entry<String, FleetHost> entry : byKey.entrySet()) {
      HostStatus status = statuses.get(entry.getKey());
      if (status == HostStatus.INSTALLED) {
        installed++;
      } else {
        if (status == null) {
          withoutLine++;
        }
        again.add(entry.getValue());
      }
    }
    return new Selection(List.copyOf(again), installed, withoutLine);
  }

  private static int port(Path file, int number, Optional<String> value) {
    if (value.isEmpty()) {
      return 0;
    }
    String text = value.get();
    if (!text.matches("[0-9]{1,5}")
        || Integer.parseInt(text) < 1
        || Integer.parseInt(text) > 65535) {
      throw bad(file, number, "the port " + TerminalText.escape(text) + " is not from 1 to 65535");
    }
    return Integer.parseInt(text);
  }

  private static List<String> read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new InvalidRequestException(OPTION, OPTION + " " + file + ": no such file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidRequestException(
            OPTION, OPTION + " " + file + ": larger than a results file can be");
      }
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidRequestException(
          OPTION, OPTION + " " + file + ": cannot read the file (" + e.getMessage() + ")");
    }
  }

  private static boolean sameFile(Path read, Path written) {
    try {
      if (Files.exists(written, LinkOption.NOFOLLOW_LINKS) && Files.exists(read)) {
        return Files.isSameFile(read, written);
      }
    } catch (IOException e) {
      // fall back to comparing the names
    }
    return read.toAbsolutePath().normalize().equals(written.toAbsolutePath().normalize());
  }

  private static String key(String address, int port) {
    return address.toLowerCase(Locale.ROOT) + ":" + port;
  }

  private static InvalidRequestException bad(Path file, int line, String why) {
    return new InvalidRequestException(OPTION, OPTION + " " + file + ": line " + line + ": " + why);
  }
}
