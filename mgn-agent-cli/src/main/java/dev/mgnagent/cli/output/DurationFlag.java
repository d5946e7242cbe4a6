package dev.mgnagent.cli.output;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Shown;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration flag ({@code 90s}, {@code 30m}, {@code 1h30m}, {@code PT2H}) and prints
 * durations.
 */
public final class DurationFlag {
  private static final Pattern PART = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

  /** Longer than any sensible timeout or interval (100 years), and far from overflowing. */
  static final Duration MAX = Duration.ofDays(36_500);

  /** The longest text read; {@code 1h30m} or {@code PT1H30M} needs a dozen characters. */
  static final int MAX_TEXT = 64;

  private DurationFlag() {}

  /**
   * Parses {@code text}; it must be positive.
   *
   * @throws InvalidRequestException naming {@code flag} otherwise
   */
  public static Duration parse(String flag, String text) {
    String t =
        text == null || text.length() > MAX_TEXT ? "" : text.strip().toLowerCase(Locale.ROOT);
    Duration d = null;
    try {
      d = parsed(t);
    } catch (ArithmeticException e) {
      d = MAX.plusDays(1);
    }
    if (d != null && d.compareTo(MAX) > 0) {
      throw new InvalidRequestException(
          flag,
          flag
              + " "
              + Shown.quoted(text)
              + " is longer than the maximum of "
              + MAX.toDays()
              + " days");
    }
    if (d == null || d.isZero() || d.isNegative()) {
      throw new InvalidRequestException(
          flag,
          flag
              + " "
              + Shown.quoted(text)
              + " is not a positive duration (such as 90s, 30m, 2h or PT1H30M)");
    }
    return d;
  }

  private static Duration parsed(String t) {
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
        d =
            d.plus(
                switch (m.group(2)) {
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
