package dev.mgnagent.cli;

import java.io.Console;
import java.util.Optional;

/**
 * The operator's terminal to ask on: a line read with echo, a secret read without. Commands get it
 * from {@link CliContext#console()}; only {@link #system()} looks at the JVM's console.
 */
public interface Terminal {

  /** The answer typed after {@code prompt}, or null at end of input. */
  String readLine(String prompt);

  /** A secret typed after {@code prompt} without echo, or null at end of input. */
  char[] readPassword(String prompt);

  /** The JVM's console, when it has one. */
  static Optional<Terminal> system() {
    Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Terminal() {
          @Override
          public String readLine(String prompt) {
            return console.readLine("%s", prompt);
          }

          @Override
          public char[] readPassword(String prompt) {
            return console.readPassword("%s", prompt);
          }
        });
  }
}
