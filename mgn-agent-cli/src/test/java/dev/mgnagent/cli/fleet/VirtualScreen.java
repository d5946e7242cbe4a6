package dev.mgnagent.cli.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal shows after some output: printable characters, carriage return, line feed, and
 * the ANSI sequences the live view uses (cursor up {@code ESC[nA}, erase to the end of the screen
 * {@code ESC[J}, erase to the end of the line {@code ESC[K}); other sequences change nothing. An
 * independent reading of the bytes, so that a test sees the screen rather than the program's
 * intentions.
 */
final class VirtualScreen {

  private final List<StringBuilder> lines = new ArrayList<>();
  private int row;
  private int column;

  VirtualScreen() {
    lines.add(new StringBuilder());
  }

  /** The screen after {@code text}. */
  static List<String> of(String text) {
    VirtualScreen screen = new VirtualScreen();
    screen.write(text);
    return screen.lines();
  }

  void write(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u001b' && i + 1 < text.length() && text.charAt(i + 1) == '[') {
        int j = i + 2;
        while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == ';')) {
          j++;
        }
        if (j == text.length()) {
          return;
        }
        String number = text.substring(i + 2, j);
        control(text.charAt(j), number.isEmpty() ? 1 : Integer.parseInt(number.split(";")[0]));
        i = j;
      } else if (c == '\r') {
        column = 0;
      } else if (c == '\n') {
        row++;
        column = 0;
        while (lines.size() <= row) {
          lines.add(new StringBuilder());
        }
      } else if (c >= ' ') {
        StringBuilder line = lines.get(row);
        while (line.length() < column) {
          line.append(' ');
        }
        if (column < line.length()) {
          line.setCharAt(column, c);
        } else {
          line.append(c);
        }
        column++;
      }
    }
  }

  private void control(char command, int n) {
    switch (command) {
      case 'A':
        row = Math.max(0, row - n);
        break;
      case 'J':
        lines.get(row).setLength(Math.min(column, lines.get(row).length()));
        while (lines.size() > row + 1) {
          lines.remove(lines.size() - 1);
        }
        break;
      case 'K':
        lines.get(row).setLength(Math.min(column, lines.get(row).length()));
        break;
      default:
        break;
    }
  }

  /** The lines shown, without the empty last line the cursor may sit on. */
  List<String> lines() {
    List<String> shown = new ArrayList<>();
    for (StringBuilder line : lines) {
      shown.add(line.toString());
    }
    while (!shown.isEmpty() && shown.get(shown.size() - 1).isEmpty()) {
      shown.remove(shown.size() - 1);
    }
    return shown;
  }
}
