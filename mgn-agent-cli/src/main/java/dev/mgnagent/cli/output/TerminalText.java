package dev.mgnagent.cli.output;

/**
 * Makes text from the service, the installer or the host (host names, device names, MGN's messages,
 * installer output) safe to print on a terminal: every control character (C0, DEL, C1, so every
 * escape sequence's ESC or CSI; tabs are kept), format character (bidirectional overrides,
 * zero-width characters), line or paragraph separator and unpaired surrogate is shown as {@code
 * \\uXXXX}, so the text cannot move the cursor, recolour, retitle or reprogram the terminal.
 */
public final class TerminalText {

  private TerminalText() {}

  /** {@code text} on one line, every unsafe character (line breaks included) escaped. */
  public static String escape(String text) {
    return escape(text, false);
  }

  /** {@code text} with every unsafe character escaped except its line feeds. */
  public static String lines(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepLineFeeds) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe = c != '\t' && !(keepLineFeeds && c == '\n') && unsafe(text, i);
      if (unsafe && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (unsafe) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean unsafe(String text, int i) {
    char c = text.charAt(i);
    int type = Character.getType(c);
    if (Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }
}
