package dev.mgnagent.installer.internal;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.installer.InstallerOutput;
import dev.mgnagent.installer.InstallerPromptAnswered;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the installer's output as it arrives (its prompts end without a newline), reports every
 * line with secrets masked, and answers each known prompt once on its stdin. A prompt that comes
 * back means the installer refused the answer: the conversation then stops the installer.
 */
final class InstallerConversation {

  /** A prompt the installer prints and what to type. */
  record Prompt(String text, String answer, boolean secret) {}

  private final List<Prompt> prompts;
  private final OutputStream stdin;
  private final SecretMask mask;
  private final EventListener listener;
  private final Runnable stopInstaller;
  /** An output line longer than this is cut, so that a runaway installer cannot fill the heap. */
  static final int MAX_LINE = 16 * 1024;

  private final List<String> lines = new ArrayList<>();
  private final Set<String> answered = new HashSet<>();
  private volatile String refusedPrompt;

  InstallerConversation(List<Prompt> prompts, OutputStream stdin, SecretMask mask,
      EventListener listener, Runnable stopInstaller) {
    this.prompts = prompts;
    this.stdin = stdin;
    this.mask = mask;
    this.listener = listener;
    this.stopInstaller = stopInstaller;
  }

  Thread readStdout(InputStream stdout) {
    return start("installer-stdout", () -> read(stdout, false));
  }

  Thread readStderr(InputStream stderr) {
    return start("installer-stderr", () -> read(stderr, true));
  }

  /** Every line so far (stdout and stderr interleaved as they came), secrets masked. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The prompt the installer repeated, if it did. */
  String refusedPrompt() {
    return refusedPrompt;
  }

  private static Thread start(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void read(InputStream stream, boolean stderr) {
    StringBuilder partial = new StringBuilder();
    char[] buffer = new char[4096];
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      int n;
      while ((n = reader.read(buffer)) >= 0) {
        partial.append(buffer, 0, n);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
          emit(partial.substring(0, newline).replace("\r", ""), stderr);
          partial.delete(0, newline + 1);
        }
        if (!stderr && partial.length() > 0) {
          answerIfPrompt(partial);
        }
        if (partial.length() > MAX_LINE) {
          // no newline for this long: not a prompt; report it as a line, cut, and go on
          emit(partial.substring(0, MAX_LINE) + " [cut: longer than " + MAX_LINE + " characters]",
              stderr);
          partial.setLength(0);
        }
      }
    } catch (IOException e) {
      // the installer is gone; what it printed is kept
    }
    if (partial.length() > 0) {
      emit(partial.toString(), stderr);
    }
  }

  private void answerIfPrompt(StringBuilder partial) throws IOException {
    String text = partial.toString().stripTrailing();
    for (Prompt prompt : prompts) {
      if (text.endsWith(prompt.text())) {
        if (!answered.add(prompt.text())) {
          refusedPrompt = prompt.text();
          emit(text, false);
          partial.setLength(0);
          stopInstaller.run();
          return;
        }
        String shown = prompt.secret() ? SecretMask.MASK : prompt.answer();
        emit(text + " " + shown, false);
        partial.setLength(0);
        listener.onEvent(new InstallerPromptAnswered(prompt.text(), shown));
        stdin.write((prompt.answer() + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        return;
      }
    }
  }

  private void emit(String line, boolean stderr) {
    String masked = mask.apply(line);
    synchronized (this) {
      lines.add(masked);
    }
    listener.onEvent(new InstallerOutput(masked, stderr));
  }
}
