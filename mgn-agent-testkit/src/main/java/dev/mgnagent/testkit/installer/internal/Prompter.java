package dev.mgnagent.testkit.installer.internal;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Asks as the installer does: the prompt on stdout without a newline, the answer from {@code
 * /dev/tty} when the process has a controlling terminal and from stdin otherwise. Secrets are read
 * without echo on a terminal; without one, the Python flavor warns as {@code getpass} does.
 */
final class Prompter {

  private final PrintStream out;
  private final InputStream in;
  private final boolean terminal;
  private final boolean python;

  Prompter(PrintStream out, boolean terminal, boolean python) throws IOException {
    this.out = out;
    this.terminal = terminal;
    this.python = python;
    this.in = terminal ? new FileInputStream("/dev/tty") : System.in;
  }

  String ask(String prompt) throws IOException {
    out.print(prompt);
    out.flush();
    return readLine();
  }

  String askSecret(String prompt) throws IOException {
    Console console = System.console();
    if (terminal && console != null) {
      char[] secret = console.readPassword("%s", prompt);
      return secret == null ? "" : new String(secret);
    }
    if (python && !terminal) {
      System.err.println("GetPassWarning: Can not control echo on the terminal.");
      System.err.println("Warning: Password input may be echoed.");
    }
    return ask(prompt);
  }

  /** One line, byte by byte, so nothing after the newline is consumed. */
  private String readLine() throws IOException {
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
