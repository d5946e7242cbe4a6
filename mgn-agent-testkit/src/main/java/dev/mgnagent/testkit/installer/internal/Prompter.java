package dev.mgnagent.testkit.installer.internal;

import dev.mgnagent.testkit.installer.PromptMode;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Asks as a Python installer does. Visible answers: the prompt on stdout, which is flushed first
 * (as {@code input()} does), the answer from stdin. Secrets: per {@link PromptMode}; in getpass
 * mode without a terminal, CPython's warning and the prompt go to stderr and stdout is not flushed,
 * so whatever stdout holds in its buffer stays there.
 */
final class Prompter {

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final boolean terminal;
  private final PromptMode mode;

  Prompter(PrintStream out, PrintStream err, boolean terminal, PromptMode mode) throws IOException {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.mode = mode;
    this.in = terminal ? new FileInputStream("/dev/tty") : System.in;
  }

  String ask(String prompt) throws IOException {
    out.print(prompt);
    out.flush();
    return readLine(in);
  }

  String askSecret(String prompt) throws IOException {
    Console console = System.console();
    if (terminal && console != null) {
      if (mode == PromptMode.MASKED_ON_STDOUT) {
        out.print(prompt);
        out.flush();
        char[] secret = console.readPassword();
        out.println("****");
        out.flush();
        return secret == null ? "" : new String(secret);
      }
      char[] secret = console.readPassword("%s", prompt);
      return secret == null ? "" : new String(secret);
    }
    if (mode == PromptMode.MASKED_ON_STDOUT) {
      return ask(prompt);
    }
    // CPython's getpass without a terminal: GetPassWarning through warnings, then
    // fallback_getpass writes its own warning and the prompt to stderr and reads stdin
    err.println(
        "/usr/lib/python3/getpass.py:91: GetPassWarning: Can not control echo on the"
            + " terminal.");
    err.println("  passwd = fallback_getpass(prompt, stream)");
    err.println("Warning: Password input may be echoed.");
    err.print(prompt);
    err.flush();
    String answer = readLine(in);
    err.println();
    err.flush();
    return answer;
  }

  /** One line, byte by byte, so nothing after the newline is consumed. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    if (b < 0 && line.size() == 0) {
      throw new IOException("EOF when reading a line");
    }
    return line.toString(StandardCharsets.UTF_8).replace("\r", "");
  }
}
