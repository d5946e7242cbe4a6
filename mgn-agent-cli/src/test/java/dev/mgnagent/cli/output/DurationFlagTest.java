package dev.mgnagent.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationFlagTest {

  @Test
  void readsUnitsAndIsoDurations() {
    assertThat(DurationFlag.parse("--t", "90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationFlag.parse("--t", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationFlag.parse("--t", "2d")).isEqualTo(Duration.ofDays(2));
    assertThat(DurationFlag.parse("--t", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationFlag.parse("--t", "PT2H")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void refusesZeroNegativeAndGarbageNamingTheFlag() {
    for (String bad : new String[] {"0s", "soon", "5", "5x", "PT-1S", "", "1h junk"}) {
      assertThatThrownBy(() -> DurationFlag.parse("--watch-timeout", bad))
          .as(bad)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("--watch-timeout");
    }
  }

  @Test
  void printsShortHumanDurations() {
    assertThat(DurationFlag.human(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(DurationFlag.human(Duration.ofSeconds(190))).isEqualTo("3m10s");
    assertThat(DurationFlag.human(Duration.ofMinutes(125))).isEqualTo("2h05m");
    assertThat(DurationFlag.human(Duration.ofSeconds(-5))).isEqualTo("0s");
  }
}
