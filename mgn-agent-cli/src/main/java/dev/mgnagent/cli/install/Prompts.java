package dev.mgnagent.cli.install;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Secret;
import java.io.Console;

/**
 * Asks the operator for what is missing, as the official installer does, but only on a terminal
 * and without {@code --no-prompt}. Secrets are read without echo from the console only; with no
 * console a missing answer is an invalid request naming the flag to pass.
 */
final class Prompts {

  private final Console console;

  private Prompts(Console console) {
    this.console = console;
  }

  static Prompts forTerminal(boolean noPrompt) {
    return new Prompts(noPrompt ? null : System.console());
  }

  boolean interactive() {
    return console != null;
  }

  /** The answer to {@code prompt}, or an invalid request naming {@code flag} when none can be asked. */
  String ask(String prompt, String flag) {
    if (console == null) {
      throw missing(flag);
    }
    String answer = console.readLine("%s", prompt);
    if (answer == null) {
      throw missing(flag);
    }
    return answer.strip();
  }

  /** A secret read without echo. */
  Secret askSecret(String prompt, String flag) {
    if (console == null) {
      throw missing(flag);
    }
    char[] secret = console.readPassword("%s", prompt);
    if (secret == null || secret.length == 0) {
      throw missing(flag);
    }
    return Secret.of(new String(secret));
  }

  private static InvalidRequestException missing(String flag) {
    return new InvalidRequestException(flag, flag + " is needed and there is no terminal to ask on"
        + " (or --no-prompt was given); pass " + flag);
  }
}
