package dev.mgnagent.cli.fleet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back one line of a {@code --results} file: a flat JSON object whose values are strings,
 * whole numbers, booleans or null, as {@link ResultsFile} writes them. Anything else is refused
 * with a short reason.
 */
final class ResultsLine {

  private final Map<String, Optional<String>> fields;

  private ResultsLine(Map<String, Optional<String>> fields) {
    this.fields = fields;
  }

  /** A field's value as text; empty when absent or null. */
  Optional<String> text(String name) {
    return fields.getOrDefault(name, Optional.empty());
  }

  /**
   * Parses {@code line}.
   *
   * @throws IllegalArgumentException with a short reason when it is not a flat JSON object
   */
  static ResultsLine parse(String line) {
    Parser p = new Parser(line.strip());
    Map<String, Optional<String>> fields = new LinkedHashMap<>();
    p.expect('{');
    p.skipSpace();
    if (p.peek() == '}') {
      p.next();
    } else {
      while (true) {
        p.skipSpace();
        String name = p.string();
        p.skipSpace();
        p.expect(':');
        p.skipSpace();
        Optional<String> value = p.value();
        if (fields.put(name, value) != null) {
          throw new IllegalArgumentException("the field \"" + name + "\" is given twice");
        }
        p.skipSpace();
        char c = p.next();
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected , or } at character " + p.at);
        }
      }
    }
    p.skipSpace();
    if (!p.atEnd()) {
      throw new IllegalArgumentException("text after the JSON object at character " + (p.at + 1));
    }
    return new ResultsLine(fields);
  }

  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return at >= text.length();
    }

    char peek() {
      if (atEnd()) {
        throw new IllegalArgumentException("the line ends too early");
      }
      return text.charAt(at);
    }

    char next() {
      char c = peek();
      at++;
      return c;
    }

    void expect(char c) {
      if (atEnd() || text.charAt(at) != c) {
        throw new IllegalArgumentException("expected " + c + " at character " + (at + 1));
      }
      at++;
    }

    void skipSpace() {
      while (!atEnd() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
    }

    Optional<String> value() {
      char c = peek();
      if (c == '"') {
        return Optional.of(string());
      }
      if (text.startsWith("null", at)) {
        at += 4;
        return Optional.empty();
      }
      if (text.startsWith("true", at)) {
        at += 4;
        return Optional.of("true");
      }
      if (text.startsWith("false", at)) {
        at += 5;
        return Optional.of("false");
      }
      int start = at;
      if (c == '-') {
        at++;
      }
      while (!atEnd() && Character.isDigit(text.charAt(at))) {
        at++;
      }
      if (at == start || (at == start + 1 && c == '-')) {
        throw new IllegalArgumentException(
            "expected a string, a number, true, false or null at character " + (start + 1));
      }
      return Optional.of(text.substring(start, at));
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw new IllegalArgumentException("a control character in a string");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out.append(e);
            break;
          case 'b':
            out.append('\b');
            break;
          case 'f':
            out.append('\f');
            break;
          case 'n':
            out.append('\n');
            break;
          case 'r':
            out.append('\r');
            break;
          case 't':
            out.append('\t');
            break;
          case 'u':
            if (at + 4 > text.length()) {
              throw new IllegalArgumentException("the line ends inside \\u");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            } catch (NumberFormatException ex) {
              throw new IllegalArgumentException("a bad \\u escape at character " + (at + 1));
            }
            at += 4;
            break;
          default:
            throw new IllegalArgumentException("a bad escape \\" + e + " at character " + at);
        }
      }
    }
  }
}
