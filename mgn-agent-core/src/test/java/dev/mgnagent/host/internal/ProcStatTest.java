package dev.mgnagent.host.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcStatTest {

  private static final String CAT =
      "2835 (cat) R 2770 2770 2023 0 -1 4194304 98 0 0 0 0 0 0 0 20 0 1 0 20012 3133440 388\n";

  @Test
  void sessionIsTheSixthField() {
    assertThat(ProcStat.sessionIdOf(CAT)).hasValue(2023);
  }

  @Test
  void startTimeIsTheTwentySecondField() {
    assertThat(ProcStat.startTicksOf(CAT)).hasValue(20012);
    assertThat(ProcStat.startTicksOf("12 (short) S 1 2 3 0")).isEmpty();
  }

  @Test
  void commWithSpacesAndParenthesesDoesNotShiftTheFields() {
    String line = "4242 ((a) b (c)) S 1 4200 4201 34816 4242 4194560 0 0 0 0";

    assertThat(ProcStat.sessionIdOf(line)).hasValue(4201);
  }

  @Test
  void commThatLooksLikeFieldsIsSkipped() {
    String line = "77 (x) 1 2 3 4 5) S 1 60 61 0 -1 0";

    assertThat(ProcStat.sessionIdOf(line)).hasValue(61);
  }

  @Test
  void commWithAnUnbalancedParenthesisIsSkipped() {
    String line = "78 (a) b (c) S 1 60 62 0 -1 0";

    assertThat(ProcStat.sessionIdOf(line)).hasValue(62);
  }

  @Test
  void aZombieOrDeadProcessHasExited() {
    assertThat(ProcStat.hasExited("2835 (sleep) Z 1 2770 2023 0 -1 0")).isTrue();
    assertThat(ProcStat.hasExited("2835 (sleep) X 1 2770 2023 0 -1 0")).isTrue();
    assertThat(ProcStat.hasExited(CAT)).isFalse();
    assertThat(ProcStat.hasExited("2835 (a) Z (b) S 1 2770 2023"))
        .as("state after the last )")
        .isFalse();
    assertThat(ProcStat.hasExited("2835 (z) ")).isFalse();
    assertThat(ProcStat.hasExited("")).isFalse();
  }

  @Test
  void malformedLinesHaveNoSession() {
    assertThat(ProcStat.sessionIdOf("")).isEqualTo(OptionalLong.empty());
    assertThat(ProcStat.sessionIdOf("12 no parentheses S 1 2 3")).isEmpty();
    assertThat(ProcStat.sessionIdOf("12 (short) S 1 2")).isEmpty();
    assertThat(ProcStat.sessionIdOf("12 (nan) S 1 2 x 0")).isEmpty();
    assertThat(ProcStat.sessionIdOf("12 (cut)")).isEmpty();
  }
}
