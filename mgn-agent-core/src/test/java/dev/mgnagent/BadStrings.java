package dev.mgnagent;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of hostile text for the parser properties: any UTF-16 string (control characters, lone
 * surrogates), printable ASCII, very long strings, and strings built from the characters and
 * fragments parsers split on ({@code , / = : ' " \n \0}, paths, URLs, numbers).
 */
public final class BadStrings {

  /** The fixed seed of every property, so that a failure reproduces. */
  public static final long SEED = 0x5eed_10L;

  /** Examples per property (QuickTheories runs about this many; at least 1,000). */
  public static final int EXAMPLES = 1_100;

  /** Time one property may take; a parser that loops fails instead of hanging the build. */
  public static final Duration BUDGET = Duration.ofSeconds(60);

  private static final List<String> FRAGMENTS =
      List.of(
          ",",
          ",",
          "/",
          "/",
          "=",
          ":",
          "'",
          "\"",
          "\n",
          "\0",
          " ",
          "\t",
          "\r",
          "..",
          ".",
          "-",
          "@",
          "[",
          "]",
          "{",
          "}",
          "%",
          "\\",
          "*",
          "?",
          "$(",
          ")",
          ";",
          "|",
          "&",
          "<",
          ">",
          "~",
          "#",
          "/dev/",
          "sda",
          "sda1",
          "nvme0n1p1",
          "1",
          "0",
          "-1",
          "9999999999999999999999",
          "s-",
          "aws:",
          "AWS:",
          "key",
          "value",
          "https://",
          "http://",
          "127.0.0.1",
          "::1",
          "[::1]",
          "localhost",
          ":65536",
          ":0",
          ":443",
          "user@",
          "?q",
          "#f",
          "\u0455",
          "\u0430",
          "\u200b",
          "\u202e",
          "\ufeff",
          "\u2028",
          "\ud800",
          "\udc00",
          "\uff10",
          "\u0661",
          "8:0",
          "254:17",
          "PT",
          "h",
          "m",
          "s",
          "d",
          "ms",
          "a",
          "A",
          "f",
          "F",
          "-",
          "- ",
          " - ",
          "ext4",
          "/ /",
          "\\040");

  private BadStrings() {}

  /** Fragments and structural characters, up to 60 of them. */
  public static Gen<String> structural() {
    return lists()
        .of(Generate.pick(FRAGMENTS))
        .ofSizeBetween(0, 60)
        .map(parts -> String.join("", parts));
  }

  /** Mostly short strings of every kind, sometimes very long ones. */
  public static Gen<String> any() {
    return Generate.frequency(
        Pair.of(4, strings().allPossible().ofLengthBetween(0, 200)),
        Pair.of(3, strings().basicLatinAlphabet().ofLengthBetween(0, 200)),
        Pair.of(2, strings().ascii().ofLengthBetween(0, 100)),
        Pair.of(6, structural()),
        Pair.of(1, longStrings()));
  }

  /** 5,000 to 100,000 characters: a short hostile string repeated (cheap to generate). */
  public static Gen<String> longStrings() {
    return Generate.oneOf(strings().allPossible().ofLengthBetween(1, 20), structural())
        .zip(
            integers().between(5_000, 100_000),
            (unit, length) ->
                unit.isEmpty()
                    ? ",".repeat(length)
                    : unit.repeat(length / unit.length() + 1).substring(0, length));
  }

  /** Whether an error message is one short line of printable text. */
  public static boolean isShortLine(String message, int max) {
    return message != null
        && message.length() <= max
        && message
            .chars()
            .noneMatch(
                c ->
                    Character.isISOControl(c)
                        || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.SURROGATE
                        || c == '\u2028'
                        || c == '\u2029');
  }
}
