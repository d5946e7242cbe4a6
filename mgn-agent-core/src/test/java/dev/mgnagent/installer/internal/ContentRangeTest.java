package dev.mgnagent.installer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ContentRangeTest {

  @Test
  void rangeWithTotal() {
    assertThat(ContentRange.parse("bytes 100-199/1000"))
        .contains(new ContentRange(100, 199, OptionalLong.of(1000)));
  }

  @Test
  void rangeWithUnknownTotal() {
    assertThat(ContentRange.parse("bytes 0-9/*"))
        .contains(new ContentRange(0, 9, OptionalLong.empty()));
  }

  @Test
  void nonsenseIsRefused() {
    assertThat(ContentRange.parse("bytes */1000")).isEmpty();
    assertThat(ContentRange.parse("bytes 200-100/1000")).isEmpty();
    assertThat(ContentRange.parse("bytes 0-1000/1000")).isEmpty();
    assertThat(ContentRange.parse(null)).isEmpty();
  }
}
