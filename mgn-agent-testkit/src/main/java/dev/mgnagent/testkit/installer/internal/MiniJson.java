package dev.mgnagent.testkit.installer.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the fake installer writes and reads (its request bodies, MGN's answers, its run
 * records), with the JDK alone: the installer runs in a short-lived JVM per install, where loading
 * Jackson cost more CPU than the install itself. Values are {@link Map} (keys in order), {@link
 * List}, {@link String}, {@link Long} or {@link BigDecimal}, {@link Boolean} and {@code null}.
 */
final class MiniJson {

  private final String text;
  private int at;

  private MiniJson(String text) {
    this.text = text;
  }

  /** The value {@code text} holds; {@link IllegalArgumentException} when it is not JSON. */
  static Object parse(String text) {
    MiniJson reader = new MiniJson(text);
    Object value = reader.value();
    reader.skipSpace();
    if (reader.at != text.length()) {
      throw reader.error("unexpected text after the value");
    }
    return value;
  }

  /** {@code value} as JSON text. */
  static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(value, b);
    return b.toString();
  }

  /**
   * The string member {@code name} of {@code object} when it is an object; else {@code fallback}.
   */
  static String string(Object object, String name, String fallback) {
    Object member = object instanceof Map<?, ?> map ? map.get(name) : null;
    return member == null ? fallback : String.valueOf(member);
  }

  private static void write(Object value, StringBuilder b) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof String s) {
      quote(s, b);
    } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      b.append(value);
    } else if (value instanceof Number n) {
      b.append(new BigDecimal(n.toString()).toString());
    } else if (value instanceof Map<?, ?> map) {
      b.append('{');
      String separator = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        b.append(separator);
        quote(String.valueOf(e.getKey()), b);
        b.append(':');
        write(e.getValue(), b);
        separator = ",";
      }
      b.append('}');
    } else if (value instanceof Iterable<?> list) {
      b.append('[');
      String separator = "";
      for (Object item : list) {
        b.append(separator);
        write(item, b);
        separator = ",";
      }
      b.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void quote(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  private Object value() {
    skipSpace();
    if (at >= text.length()) {
      throw error("a value was expected");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    at++;
    skipSpace();
    if (peek() == '}') {
      at++;
      return map;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("a member name was expected");
      }
      String name = string();
      skipSpace();
      expect(':');
      map.put(name, value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    at++;
    skipSpace();
    if (peek() == ']') {
      at++;
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String string() {
    at++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException x) {
            throw error("bad \\u escape");
          }
          at += 4;
        }
        default -> throw error("bad escape \\" + e);
      }
    }
  }

  private Object number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    String digits = text.substring(start, at);
    if (!digits.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      throw error(digits.isEmpty() ? "a value was expected" : "bad number " + digits);
    }
    BigDecimal n = new BigDecimal(digits);
    if (digits.matches("-?[0-9]+")) {
      try {
        return n.longValueExact();
      } catch (ArithmeticException tooBig) {
        return n;
      }
    }
    return n;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("a value was expected");
    }
    at += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + c + "' was expected");
    }
    at++;
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void skipSpace() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("not JSON at offset " + at + ": " + what);
  }
}
