package dev.mgnagent;

/**
 * How a value the user typed appears in an error message: quoted, every character outside printable
 * ASCII escaped as {@code \}{@code uXXXX} (so a control character cannot break the line and a
 * look-alike such as a Cyrillic {@code ѕ} is visible), and cut after about {@value #MAX_SHOWN}
 * characters of output with the full length given.
 */
public final class Shown {

  /** The most characters of a value an error message repeats. */
  public static final int MAX_SHOWN = 64;

  private Shown() {}

  /** {@code value} quoted with apostrophes, escaped and shortened; {@code null} as {@code null}. */
  public static String quoted(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("'");
    int i = 0;
    for (; i < value.length() && out.length() <= MAX_SHOWN; i++) {
      appendEscaped(out, value.charAt(i));
    }
    out.append('\'');
    if (i < value.length()) {
      out.append("... (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }

  /** {@code text} with every character outside printable ASCII escaped; not shortened. */
  public static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      appendEscaped(out, text.charAt(i));
    }
    return out.toString();
  }

  /** Whether every character of {@code text} is printable ASCII (space to tilde). */
  public static boolean isPrintableAscii(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  private static void appendEscaped(StringBuilder out, char c) {
    if (c >= 0x20 && c <= 0x7e) {
      out.append(c);
      return;
    }
    String hex = Integer.toHexString(c);
    out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
  }
}
