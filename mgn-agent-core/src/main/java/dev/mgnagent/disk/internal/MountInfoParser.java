package dev.mgnagent.disk.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text of {@code /proc/<pid>/mountinfo} (see proc(5)): {@code id parent maj:min root
 * mount-point options [optional fields...] - fstype source super-options}.
 */
final class MountInfoParser {

  private MountInfoParser() {}

  /**
   * The parsed lines, in file order.
   *
   * @throws IllegalArgumentException naming the line number when a line is malformed
   */
  static List<MountEntry> parse(String text) {
    List<MountEntry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty()) {
        entries.add(parseLine(line, i + 1));
      }
    }
    return entries;
  }

  /** The lines that parse, in file order; malformed lines are left out. */
  static List<MountEntry> parseWellFormedLines(String text) {
    List<MountEntry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty()) {
        try {
          entries.add(parseLine(line, i + 1));
        } catch (IllegalArgumentException malformed) {
          // preflight reads what it can; the inventory uses parse() and reports the line
        }
      }
    }
    return entries;
  }

  private static MountEntry parseLine(String line, int lineNumber) {
    String[] fields = line.split(" +");
    int separator = -1;
    for (int i = 6; i < fields.length; i++) {
      if (fields[i].equals("-")) {
        separator = i;
        break;
      }
    }
    if (separator < 0 || separator + 1 >= fields.length) {
      throw new IllegalArgumentException("line " + lineNumber + " is not a mountinfo line");
    }
    String majorMinor = fields[2];
    if (!SysfsValues.isMajorMinor(majorMinor)) {
      throw new IllegalArgumentException(
          "line " + lineNumber + " has no major:minor device number in field 3");
    }
    String source = separator + 2 < fields.length ? unescape(fields[separator + 2]) : "";
    return new MountEntry(
        majorMinor,
        unescape(fields[3]),
        unescape(fields[4]),
        List.of(fields[5].split(",")),
        fields[separator + 1],
        source);
  }

  /**
   * Undoes the kernel's octal escapes ({@code \040} space, {@code \011} tab, {@code \012}, {@code
   * \134}).
   */
  static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return true;
  }
}
