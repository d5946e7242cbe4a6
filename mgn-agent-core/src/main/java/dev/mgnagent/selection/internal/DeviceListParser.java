package dev.mgnagent.selection.internal;

import dev.mgnagent.Shown;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a {@code --devices} value into paths and says what is wrong with each malformed item. The
 * installer takes comma-separated absolute paths without quotes or brackets; spaces around commas
 * are fine.
 */
final class DeviceListParser {

  /** Quotes, apostrophes, brackets, braces, parentheses, glob and shell characters. */
  private static final Pattern FORBIDDEN = Pattern.compile("['\"`\\[\\]{}()*?\\\\$;|&<>~!]");

  /** The longest list accepted: far more than any server's disks, partitions and LVs need. */
  static final int MAX_LENGTH = 8192;

  /** The most items a list may have. */
  static final int MAX_ITEMS = 256;

  private DeviceListParser() {}

  /** One item of the list as typed, and what is wrong with it. */
  record Item(String text, Optional<String> problem) {}

  static List<Item> parse(String devices) {
    if (devices.length() > MAX_LENGTH) {
      return List.of(
          new Item(
              devices,
              Optional.of(
                  "the list has "
                      + devices.length()
                      + " characters; at most "
                      + MAX_LENGTH
                      + " are accepted")));
    }
    String[] parts = devices.split(",", -1);
    if (parts.length > MAX_ITEMS) {
      return List.of(
          new Item(
              devices,
              Optional.of(
                  "the list has "
                      + parts.length
                      + " items; at most "
                      + MAX_ITEMS
                      + " are accepted")));
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String text = parts[i].strip();
      items.add(new Item(text, problem(text, i, parts.length)));
    }
    return items;
  }

  private static Optional<String> problem(String item, int index, int count) {
    if (item.isEmpty()) {
      String where =
          index == 0
              ? "a leading comma"
              : index == count - 1 ? "a trailing comma" : "an empty item between commas";
      return Optional.of("the list has " + where);
    }
    if (!Shown.isPrintableAscii(item)) {
      return Optional.of(
          Shown.quoted(item)
              + " holds a control or non-ASCII character (a"
              + " look-alike letter?); type the path in plain ASCII");
    }
    if (FORBIDDEN.matcher(item).find()) {
      return Optional.of(
          Shown.quoted(item)
              + " holds quotes, brackets or glob characters; list plain"
              + " paths separated by commas");
    }
    if (item.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of(Shown.quoted(item) + " holds a space; separate paths with commas");
    }
    if (!item.startsWith("/")) {
      return Optional.of(Shown.quoted(item) + " is not an absolute path (such as /dev/sda)");
    }
    for (String segment : item.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        return Optional.of(
            Shown.quoted(item) + " holds '" + segment + "'; give the device path itself");
      }
    }
    return Optional.empty();
  }
}
