package dev.mgnagent.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureLimitTest {

  @Test
  void aCountIsExceededByOneMoreFailure() {
    FailureLimit two = FailureLimit.parse("2");
    assertThat(two.exceeded(2, 100)).isFalse();
    assertThat(two.exceeded(3, 100)).isTrue();
    assertThat(FailureLimit.count(0).exceeded(1, 5)).isTrue();
    assertThat(two).hasToString("2").isEqualTo(FailureLimit.count(2));
  }

  @Test
  void aPercentageIsOfTheFleetRoundedDown() {
    FailureLimit quarter = FailureLimit.parse("25%");
    assertThat(quarter.allowed(10)).isEqualTo(2);
    assertThat(quarter.exceeded(2, 10)).isFalse();
    assertThat(quarter.exceeded(3, 10)).isTrue();
    assertThat(FailureLimit.parse("100%").exceeded(10, 10)).isFalse();
    assertThat(FailureLimit.parse("0%").exceeded(1, 10)).isTrue();
    assertThat(FailureLimit.parse("10%").allowed(9)).isZero();
  }

  @Test
  void noLimitIsNeverExceeded() {
    assertThat(FailureLimit.none().exceeded(Integer.MAX_VALUE, 10)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "101%", "ten", "1.5", "%", "5 %", "9999999999", "1000%"})
  void anythingElseIsAnInvalidRequest(String text) {
    assertThatThrownBy(() -> FailureLimit.parse(text))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.parameter()).contains("maxFailures"));
  }
}
