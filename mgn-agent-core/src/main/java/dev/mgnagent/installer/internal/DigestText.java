package dev.mgnagent.installer.internal;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses a published {@code .sha512} file: its first whitespace-separated token must be 128
 * hexadecimal characters (any case); anything after it (such as a file name) is ignored.
 */
public final class DigestText {

  private DigestText() {}

  /** The digest in lower case, or empty when the text does not start with one. */
  public static Optional<String> parse(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return Optional.empty();
    }
    String token = stripped.split("\\s+", 2)[0];
    if (token.length() != 128 || !token.chars().allMatch(HexFormat::isHexDigit)) {
      return Optional.empty();
    }
    return Optional.of(token.toLowerCase(Locale.ROOT));
  }
}
