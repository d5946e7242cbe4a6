package dev.mgnagent.host.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Quoting for the remote shell: whatever the words (quotes, {@code $}, backticks, newlines,
 * semicolons), a POSIX shell given the quoted line sees exactly those words.
 */
class ShellTest {

  @Test
  void anyWordsSurviveAPosixShellUnchanged() {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
    qt().withFixedSeed(dev.mgnagent.BadStrings.SEED)
        .withExamples(40)
        .forAll(
            lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 12)).ofSizeBetween(1, 4))
        .checkAssert(
            words -> {
              assertThat(echoedBack(Shell.join(words))).isEqualTo(words);
            });
  }

  @Test
  void hostileWordsStayWords() {
    List<String> words =
        List.of("'", "a'b", "$(touch /nonexistent)", "`id`", "x; exit 3", "two\nlines", "", "*");
    assertThat(echoedBack(Shell.join(words))).isEqualTo(words);
  }

  /** Runs {@code printf '%s\0' <line>} in sh and splits what it printed. */
  private static List<String> echoedBack(String line) {
    try {
      Process sh =
          new ProcessBuilder("/bin/sh", "-c", "printf '%s\\0' " + line)
              .redirectErrorStream(false)
              .start();
      sh.getOutputStream().close();
      byte[] out = sh.getInputStream().readAllBytes();
      sh.waitFor(10, TimeUnit.SECONDS);
      String text = new String(out, StandardCharsets.UTF_8);
      List<String> words = new ArrayList<>(List.of(text.split("\0", -1)));
      words.remove(words.size() - 1);
      return words;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
