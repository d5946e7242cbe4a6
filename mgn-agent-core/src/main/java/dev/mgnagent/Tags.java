package dev.mgnagent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Resource tags for a new source server, in the order given and already checked. The rules are
 * stricter than MGN's own model, on purpose: at most 50 tags; a key of 1 to 128 characters that
 * does not start with {@code aws:} in any case; a value of at most 256 characters; no key twice;
 * keys and values hold only letters, digits, spaces and {@code _ . : / = + - @} (AWS's tag
 * character set, which leaves out control characters and line breaks). Every way to make a {@code
 * Tags} applies them, so a {@code Tags} value is always valid.
 *
 * <pre>{@code
 * Tags tags = Tags.builder().add("app", "billing").add("env", "prod").build();
 * Tags same = Tags.parse(List.of("app=billing", "env=prod"));
 * }</pre>
 */
public final class Tags {

  /** The most tags a source server gets. */
  public static final int MAX_TAGS = 50;

  /** The longest key. */
  public static final int MAX_KEY = 128;

  /** The longest value. */
  public static final int MAX_VALUE = 256;

  /** The API name of tags in {@link InvalidRequestException#parameter()}. */
  private static final String PARAMETER = "tags";

  /** AWS's tag characters: Unicode letters (with their marks), digits, space, {@code _.:/=+-@}. */
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{N} _.:/=+\\-@]*");

  private static final Tags EMPTY = new Tags(Map.of());

  private final Map<String, String> tags;

  private Tags(Map<String, String> tags) {
    this.tags = tags;
  }

  /** No tags. */
  public static Tags empty() {
    return EMPTY;
  }

  /** A builder that checks each tag as it is added and the count in {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The tags of {@code map}, in its iteration order (use a {@link LinkedHashMap} to keep an order).
   *
   * @throws InvalidRequestException naming the offending tag
   */
  public static Tags of(Map<String, String> map) {
    Objects.requireNonNull(map, "map");
    Builder builder = builder();
    map.forEach(builder::add);
    return builder.build();
  }

  /**
   * Parses {@code KEY=VALUE} items (the value may be empty and may hold {@code =}), in the order
   * given.
   *
   * @throws InvalidRequestException naming the offending tag
   */
  public static Tags parse(List<String> items) {
    Objects.requireNonNull(items, "items");
    requireCount(items.size());
    Builder builder = builder();
    for (String item : items) {
      Objects.requireNonNull(item, "item");
      int eq = item.indexOf('=');
      if (eq < 0) {
        throw invalid(Shown.quoted(item) + " is not KEY=VALUE");
      }
      builder.add(item.substring(0, eq), item.substring(eq + 1));
    }
    return builder.build();
  }

  /** The tags as an unmodifiable map in the order given. */
  public Map<String, String> asMap() {
    return tags;
  }

  /** How many tags there are. */
  public int size() {
    return tags.size();
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return tags.isEmpty();
  }

  /** Equal when the same keys map to the same values in the same order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Tags other
        && List.copyOf(tags.entrySet()).equals(List.copyOf(other.tags.entrySet()));
  }

  @Override
  public int hashCode() {
    return List.copyOf(tags.entrySet()).hashCode();
  }

  /** {@code {key=value, ...}} in order. */
  @Override
  public String toString() {
    return tags.toString();
  }

  private static void requireCount(int count) {
    if (count > MAX_TAGS) {
      throw invalid(count + " tags given; at most " + MAX_TAGS + " are accepted");
    }
  }

  private static InvalidRequestException invalid(String why) {
    return new InvalidRequestException(PARAMETER, PARAMETER + ": " + why);
  }

  /** Collects {@link Tags}, checking each one as it is added. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> tags = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a tag after the ones already added.
     *
     * @throws InvalidRequestException if the key or value breaks a rule, the key is already there,
     *     or this is the 51st tag
     */
    public Builder add(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (key.isEmpty() || key.length() > MAX_KEY) {
        throw invalid(
            "the key " + Shown.quoted(key) + " must have 1 to " + MAX_KEY + " characters");
      }
      if (key.regionMatches(true, 0, "aws:", 0, 4)) {
        throw invalid("the key " + Shown.quoted(key) + " starts with aws:, which AWS reserves");
      }
      if (value.length() > MAX_VALUE) {
        throw invalid(
            "the value of " + Shown.quoted(key) + " is longer than " + MAX_VALUE + " characters");
      }
      if (!ALLOWED.matcher(key).matches() || !ALLOWED.matcher(value).matches()) {
        throw invalid(
            Shown.quoted(key + "=" + value)
                + " holds a character AWS does not take"
                + " in tags (only letters, digits, spaces and _ . : / = + - @)");
      }
      if (tags.containsKey(key)) {
        throw invalid("the key " + Shown.quoted(key) + " is given twice");
      }
      requireCount(tags.size() + 1);
      tags.put(key, value);
      return this;
    }

    /** The tags added so far, in order. */
    public Tags build() {
      return tags.isEmpty()
          ? EMPTY
          : new Tags(Collections.unmodifiableMap(new LinkedHashMap<>(tags)));
    }
  }
}
