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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the installer's stdout and stderr as they arrive and answers each known prompt once on its
 * stdin, whichever stream the prompt came on: a Python installer asks with {@code input()} on
 * stdout but, without a terminal, {@code getpass} prints its prompt on stderr. Each stream has its
 * own partial-line buffer (a prompt ends without a newline, and a block-buffered stdout can be cut
 * anywhere). Every line is reported with secrets masked.
 *
 * <p>A prompt that comes back means the installer refused the answer: the conversation stops the
 * installer. Text since the last newline that ends like a question ({@code :}, {@code ?}, {@code ]}
 * or {@code >}), matches no known prompt and is followed by nothing for {@code unknownPromptWait}
 * is an unknown prompt: {@link #unknownPrompt()} reports it so that the caller stops the installer
 * instead of waiting for its timeout. Event calls are made under this object's lock, one at a time.
 */
final class InstallerConversation {

  /**
   * A prompt the installer prints and what to type.
   *
   * @param label the prompt's text as reported in events
   * @param matches whether the text since the last newline (trailing blanks removed) is this prompt
   * @param answer what to type
   * @param secret whether the answer is shown as {@code ****}
   */
  record Prompt(String label, Predicate<String> matches, String answer, boolean secret) {

    /** A prompt recognised by the text it ends with. */
    static Prompt endingWith(String text, String answer, boolean secret) {
      return new Prompt(text, s -> s.endsWith(text), answer, secret);
    }
  }

  /** An output line longer than this is cut, so that a runaway installer cannot fill the heap. */
  static final int MAX_LINE = 16 * 1024;

  private static final String PROMPT_ENDINGS = ":?]>";

  private final List<Prompt> prompts;
  private final OutputStream stdin;
  private final SecretMask mask;
  private final EventListener listener;
  private final Runnable stopInstaller;
  private final Clock clock;
  private final Duration unknownPromptWait;

  private final List<String> lines = new ArrayList<>();
  private final Set<String> answered = new HashSet<>();
  private String refusedPrompt;

  /** Per stream (stdout, stderr): text since the last newline that looks like a question. */
  private final String[] pendingText = new String[2];

  /** When either stream last brought anything. */
  private Instant lastOutput;

  private long charsRead;

  InstallerConversation(
      List<Prompt> prompts,
      OutputStream stdin,
      SecretMask mask,
      EventListener listener,
      Runnable stopInstaller,
      Clock clock,
      Duration unknownPromptWait) {
    this.prompts = List.copyOf(prompts);
    this.stdin = stdin;
    this.mask = mask;
    this.listener = listener;
    this.stopInstaller = stopInstaller;
    this.clock = clock;
    this.unknownPromptWait = unknownPromptWait;
    this.lastOutput = clock.instant();
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
  synchronized String refusedPrompt() {
    return refusedPrompt;
  }

  /**
   * The text (secrets masked) of a question the installer has been waiting on, unanswered, for at
   * least the unknown-prompt wait; empty while there is none.
   */
  synchronized Optional<String> unknownPrompt() {
    String text = pendingText[0] != null ? pendingText[0] : pendingText[1];
    if (text == null || clock.instant().isBefore(lastOutput.plus(unknownPromptWait))) {
      return Optional.empty();
    }
    return Optional.of(mask.apply(text));
  }

  /** How many characters both streams brought so far, every one of them handled. */
  synchronized long charsRead() {
    return charsRead;
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
        synchronized (this) {
          // something followed: the installer is not stuck on a question yet
          lastOutput = clock.instant();
          pendingText[stderr ? 1 : 0] = null;
          partial.append(buffer, 0, n);
          charsRead += n;
          int newline;
          while ((newline = partial.indexOf("\n")) >= 0) {
            emit(partial.substring(0, newline).replace("\r", ""), stderr);
            partial.delete(0, newline + 1);
          }
          if (partial.length() > 0) {
            answerIfPrompt(partial, stderr);
          }
          if (partial.length() > MAX_LINE) {
            // no newline for this long: not a prompt; report it as a line, cut, and go on
            emit(
                partial.substring(0, MAX_LINE) + " [cut: longer than " + MAX_LINE + " characters]",
                stderr);
            partial.setLength(0);
          }
        }
      }
    } catch (IOException e) {
      // the installer is gone (or was killed); what it printed is kept below
    } finally {
      synchronized (this) {
        if (partial.length() > 0) {
          emit(partial.toString(), stderr);
        }
      }
    }
  }

  /** Called with the lock held. */
  private void answerIfPrompt(StringBuilder partial, boolean stderr) throws IOException {
    String text = partial.toString().stripTrailing();
    for (Prompt prompt : prompts) {
      if (!prompt.matches().test(text)) {
        continue;
      }
      if (!answered.add(prompt.label())) {
        refusedPrompt = prompt.label();
        emit(text, stderr);
        partial.setLength(0);
        stopInstaller.run();
        return;
      }
      String shown = prompt.secret() ? SecretMask.MASK : prompt.answer();
      emit(text + " " + shown, stderr);
      partial.setLength(0);
      listener.onEvent(new InstallerPromptAnswered(prompt.label(), shown));
      stdin.write((prompt.answer() + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      return;
    }
    if (!text.isEmpty() && PROMPT_ENDINGS.indexOf(text.charAt(text.length() - 1)) >= 0) {
      pendingText[stderr ? 1 : 0] = text;
    }
  }

  /** Called with the lock held. */
  private void emit(String line, boolean stderr) {
    String masked = mask.apply(line);
    lines.add(masked);
    listener.onEvent(new InstallerOutput(masked, stderr));
  }
}
