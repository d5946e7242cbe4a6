package dev.mgnagent.fleet.internal;

import dev.mgnagent.fleet.InventoryException;
import java.util.ArrayList;
import java.util.List;

/**
 * A pure parser for comma-separated text (RFC 4180 with leniencies): records end at LF, CRLF or CR;
 * a field may be quoted with {@code "}, a quote inside written {@code ""}, and a quoted field may
 * hold commas and line breaks; spaces around an unquoted field are dropped; a leading UTF-8 byte
 * order mark is ignored. Blank lines and lines starting with {@code #} are skipped.
 */
public final class CsvRecords {

  /** The most fields a record may have. */
  static final int MAX_FIELDS = 64;

  private CsvRecords() {}

  /**
   * One record.
   *
   * @param line the 1-based line it starts on
   * @param fields its fields, unquoted
   */
  public record Row(int line, List<String> fields) {
    public Row {
      fields = List.copyOf(fields);
    }
  }

  /**
   * The records of {@code text}.
   *
   * @throws InventoryException for a quote out of place or an unterminated quoted field, naming the
   *     line and the field's 1-based position
   */
  public static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int line = 1;
    int n = text.length();
    while (i < n) {
      int startLine = line;
      // a comment line: skipped up to its end
      if (text.charAt(i) == '#') {
        while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
        i = lineBreak(text, i);
        line++;
        continue;
      }
      List<String> fields = new ArrayList<>();
      boolean quotedSeen = false;
      boolean endOfRecord = false;
      while (!endOfRecord) {
        if (fields.size() >= MAX_FIELDS) {
          throw new InventoryException(
              startLine, null, "more than " + MAX_FIELDS + " fields; is this a CSV inventory?");
        }
        int column = fields.size() + 1;
        StringBuilder field = new StringBuilder();
        // spaces before a quote are dropped
        int j = i;
        while (j < n && text.charAt(j) == ' ') {
          j++;
        }
        if (j < n && text.charAt(j) == '"') {
          quotedSeen = true;
          i = j + 1;
          int quoteLine = line;
          while (true) {
            if (i >= n) {
              throw new InventoryException(
                  quoteLine,
                  String.valueOf(column),
                  "the quoted field is never closed; end it with a \" (write a quote inside as"
                      + " \"\")");
            }
            char c = text.charAt(i);
            if (c == '"') {
              if (i + 1 < n && text.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
              line++;
            }
            field.append(c);
            i++;
          }
          while (i < n && text.charAt(i) == ' ') {
            i++;
          }
          if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            throw new InventoryException(
                line,
                String.valueOf(column),
                "text after the closing quote; quote the whole field (write a quote inside as"
                    + " \"\")");
          }
          fields.add(field.toString());
        } else {
          while (i < n
              && text.charAt(i) != ','
              && text.charAt(i) != '\n'
              && text.charAt(i) != '\r') {
            char c = text.charAt(i);
            if (c == '"') {
              throw new InventoryException(
                  line,
                  String.valueOf(column),
                  "a quote inside an unquoted field; quote the whole field and write the quote"
                      + " as \"\"");
            }
            field.append(c);
            i++;
          }
          fields.add(field.toString().strip());
        }
        if (i < n && text.charAt(i) == ',') {
          i++;
        } else {
          endOfRecord = true;
        }
      }
      if (i < n) {
        i = lineBreak(text, i);
        line++;
      }
      boolean blank = !quotedSeen && fields.size() == 1 && fields.get(0).isEmpty();
      if (!blank) {
        rows.add(new Row(startLine, fields));
      }
    }
    return rows;
  }

  /** The index after the line break at {@code i} (CRLF counts as one). */
  private static int lineBreak(String text, int i) {
    if (i < text.length() && text.charAt(i) == '\r') {
      i++;
      if (i < text.length() && text.charAt(i) == '\n') {
        i++;
      }
      return i;
    }
    return i < text.length() ? i + 1 : i;
  }
}
