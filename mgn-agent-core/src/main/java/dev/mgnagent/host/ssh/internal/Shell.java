package dev.mgnagent.host.ssh.internal;

import java.util.List;

/** Quoting for the POSIX shell that runs an exec request on the remote side. */
final class Shell {

  private Shell() {}

  /** {@code text} as one shell word: single-quoted, a {@code '} written as {@code '\''}. */
  static String quote(String text) {
    if (!text.isEmpty() && text.chars().allMatch(Shell::plain)) {
      return text;
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** The words quoted and joined by spaces. */
  static String join(List<String> words) {
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      line.append(line.length() == 0 ? "" : " ").append(quote(word));
    }
    return line.toString();
  }

  private static boolean plain(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '/'
        || c == '.'
        || c == '_'
        || c == '-'
        || c == ':'
        || c == ','
        || c == '+'
        || c == '@'
        || c == '%';
  }
}
