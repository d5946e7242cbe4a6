package dev.mgnagent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void exponentialDoublesUpToTheCap() {
    Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(5));

    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delayAfter(1000)).isEqualTo(Duration.ofSeconds(5));
  }
}
