package dev.mgnagent.testkit.installer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fake installer's JSON against Jackson's: what one writes the other reads back equal, in both
 * directions, for any strings (control characters and non-ASCII included).
 */
class MiniJsonTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void jacksonReadsWhatItWritesAndItReadsWhatJacksonWrites() {
    qt().forAll(
            lists().of(strings().allPossible().ofLengthBetween(0, 12)).ofSizeBetween(0, 5),
            longs().all(),
            booleans().all())
        .checkAssert(
            (texts, number, flag) -> {
              Map<String, Object> value = new LinkedHashMap<>();
              value.put("texts", texts);
              value.put(texts.isEmpty() ? "k" : texts.get(0), number);
              value.put("flag", flag);
              value.put("none", null);
              value.put("nested", Map.of("list", List.of(Map.of())));
              try {
                // Jackson reads small numbers as Integer: compared through its own writing
                assertThat(
                        JACKSON.writeValueAsString(
                            JACKSON.readValue(MiniJson.write(value), Map.class)))
                    .isEqualTo(JACKSON.writeValueAsString(value));
                assertThat(MiniJson.parse(JACKSON.writeValueAsString(value))).isEqualTo(value);
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void readsNumbersSpacesAndEscapesAsJsonDefinesThem() {
    assertThat(
            MiniJson.parse(
                " { \"a\" : [ 1 , -2.5e3 , 12345678901234567890 ] , \"b\" : \"\\u00e9\\/\\t\" } "))
        .isEqualTo(
            Map.of(
                "a",
                List.of(1L, new BigDecimal("-2.5e3"), new BigDecimal("12345678901234567890")),
                "b",
                "é/\t"));
  }

  @Test
  void refusesWhatIsNotJson() {
    for (String bad : List.of("", "{", "{\"a\"}", "[1,]", "01", "\"a", "tru", "{} x", "1.")) {
      assertThatThrownBy(() -> MiniJson.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not JSON at offset");
    }
  }
}
