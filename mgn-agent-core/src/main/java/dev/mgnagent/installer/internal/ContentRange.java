package dev.mgnagent.installer.internal;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Content-Range: bytes FIRST-LAST/TOTAL} header of a 206 answer ({@code TOTAL} may be
 * {@code *}).
 */
public record ContentRange(long first, long last, OptionalLong total) {

  private static final Pattern FORM =
      Pattern.compile("\\s*bytes\\s+([0-9]{1,18})-([0-9]{1,18})/([0-9]{1,18}|\\*)\\s*");

  public static Optional<ContentRange> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(header);
    if (!m.matches()) {
      return Optional.empty();
    }
    long first = Long.parseLong(m.group(1));
    long last = Long.parseLong(m.group(2));
    OptionalLong total =
        m.group(3).equals("*") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(3)));
    if (last < first || (total.isPresent() && last >= total.getAsLong())) {
      return Optional.empty();
    }
    return Optional.of(new ContentRange(first, last, total));
  }

  /** How many bytes the body carries. */
  public long length() {
    return last - first + 1;
  }
}
