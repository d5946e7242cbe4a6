package dev.mgnagent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses {@code --tags KEY=VALUE ...} by MGN's tag rules: a key of 1 to 128 characters that does
 * not start with {@code aws:}, a value of at most 256 characters, at most 50 tags, no key twice;
 * keys and values hold only letters, digits, spaces and {@code _ . : / = + - @} (AWS's tag
 * character set, which leaves out control characters and line breaks).
 */
public final class Tags {

  static final int MAX_TAGS = 50;
  static final int MAX_KEY = 128;
  static final int MAX_VALUE = 256;

  /** AWS's tag characters: Unicode letters (with their marks), digits, space, {@code _.:/=+-@}. */
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{N} _.:/=+\\-@]*");

  private Tags() {}

  /**
   * The tags in the order given.
   *
   * @throws InvalidRequestException naming the offending tag
   */
  public static Map<String, String> parse(List<String> items) {
    if (items.size() > MAX_TAGS) {
      throw invalid(items.size() + " tags given; MGN takes at most " + MAX_TAGS);
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq < 0) {
        throw invalid(Shown.quoted(item) + " is not KEY=VALUE");
      }
      String key = item.substring(0, eq);
      String value = item.substring(eq + 1);
      if (key.isEmpty() || key.length() > MAX_KEY) {
        throw invalid("the key of " + Shown.quoted(item) + " must have 1 to " + MAX_KEY + " characters");
      }
      if (key.regionMatches(true, 0, "aws:", 0, 4)) {
        throw invalid("the key " + Shown.quoted(key) + " starts with aws:, which AWS reserves");
      }
      if (value.length() > MAX_VALUE) {
        throw invalid("the value of " + Shown.quoted(key) + " is longer than " + MAX_VALUE + " characters");
      }
      if (!ALLOWED.matcher(key).matches() || !ALLOWED.matcher(value).matches()) {
        throw invalid(Shown.quoted(item) + " holds a character AWS does not take in tags (only"
            + " letters, digits, spaces and _ . : / = + - @)");
      }
      if (tags.put(key, value) != null) {
        throw invalid("the key " + Shown.quoted(key) + " is given twice");
      }
    }
    return Collections.unmodifiableMap(tags);
  }

  private static InvalidRequestException invalid(String why) {
    return new InvalidRequestException("--tags", "--tags: " + why);
  }
}
