package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorLineTest {
  @Test
  void aShortMessageIsKeptWhole() {
    assertThat(ErrorReporter.oneLine("cannot read /etc/x:\n  no such file", 80))
        .isEqualTo("cannot read /etc/x: no such file");
  }

  @Test
  void longPathsAreShortenedSoThatTheWordsAroundThemStay() {
    String path = "/very/long" + "/folder".repeat(60);
    String line =
        ErrorReporter.oneLine(
            "--host-root "
                + path
                + ": cannot list block devices: "
                + path
                + "/sys/block is not a directory",
            ErrorReporter.MAX_LINE);

    assertThat(line.length()).isLessThanOrEqualTo(ErrorReporter.MAX_LINE);
    assertThat(line)
        .startsWith("--host-root /very/long/f...")
        .contains("/folder/folder: cannot list block devices: /very/long/f...")
        .endsWith("/folder/folder/sys/block is not a directory");
  }

  @Test
  void aLongMessageWithoutPathsLosesItsMiddle() {
    String line =
        ErrorReporter.oneLine(
            "the request failed: " + "word ".repeat(100) + "; run it again",
            ErrorReporter.MAX_LINE);

    assertThat(line)
        .hasSize(ErrorReporter.MAX_LINE)
        .startsWith("the request failed: word")
        .contains("...")
        .endsWith("word ; run it again");
  }

  @Test
  void controlCharactersAreEscapedBeforeTheCut() {
    String line = ErrorReporter.oneLine("bad \u001b[31m name" + "x".repeat(100), 40);

    assertThat(line).hasSize(40).startsWith("bad \\u001b[31m").doesNotContain("\u001b");
  }
}
