package dev.mgnagent.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link TerminalText} escapes and what it leaves alone. */
class TerminalTextTest {

  @Test
  void controlFormatAndSeparatorCharactersAreEscaped() {
    assertThat(TerminalText.escape("a\u001b]0;t\u0007b\u009b2Jc\u202ed\u2028e\u0000f\nrow"))
        .isEqualTo("a\\u001b]0;t\\u0007b\\u009b2Jc\\u202ed\\u2028e\\u0000f\\u000arow");
  }

  @Test
  void plainTextTabsAndSurrogatePairsStayAsTheyAre() {
    String text = "web-1\tünïcödé 中文 \ud83d\ude00";
    assertThat(TerminalText.escape(text)).isSameAs(text);
  }

  @Test
  void loneSurrogatesAreEscaped() {
    assertThat(TerminalText.escape("a\ud83db\ude00")).isEqualTo("a\\ud83db\\ude00");
  }

  @Test
  void linesKeepsLineFeedsOnly() {
    assertThat(TerminalText.lines("one\u001b[2J\ntwo\r\n"))
        .isEqualTo("one\\u001b[2J\ntwo\\u000d\n");
  }
}
