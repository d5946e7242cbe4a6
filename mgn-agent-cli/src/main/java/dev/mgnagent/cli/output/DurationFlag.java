package dev.mgnagent.cli.output;

import dev.mgnagent.InvalidRequestException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration flag ({@code 90s}, {@code 30m}, {@code 1h30m}, {@code PT2H}) and prints durations. */
public final class DurationFlag {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private DurationFlag() {}

  /**
   * Parses {@code text}; it must be positive.
   *
   * @throws InvalidRequestException naming {@code flag} otherwise
   */
  public static Duration parse(String flag, String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Duration d = null;
    if (t.startsWith("pt") || t.startsWith("p")) {
      try {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        d = null;
      }
    } else if (!t.isEmpty()) {
      Matcher m = PART.matcher(t);
      int end = 0;
      d = Duration.ZERO;
      while (m.find() && m.start() == end) {
        long n = Long.parseLong(m.group(1));
        d = d.plus(switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
        end = m.end();
      }
      if (end != t.length()) {
        d = null;
      }
    }
    if (d == null || d.isZero() || d.isNegative()) {
      throw new InvalidRequestException(flag, flag + " '" + text + "' is not a positive duration"
          + " (such as 90s, 30m, 2h or PT1H30M)");
    }
    return d;
  }

  /** A short human form: {@code 2h05m}, {@code 3m10s}, {@code 42s}. */
  public static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return s + "s";
  }
}
