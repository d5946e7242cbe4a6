package dev.mgnagent.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void writesWhatJacksonReadsBack() throws Exception {
    String text =
        JsonWriter.object()
            .field("s", "quote\" back\\ nl\n tab\t ctl\u0001 sep\u2028")
            .field("n", -42L)
            .field("b", true)
            .field("absent", Optional.empty())
            .field("list", List.of("a", "b"))
            .beginArray("items")
            .beginObject()
            .field("x", 1)
            .endObject()
            .beginObject()
            .beginObject("inner")
            .field("y", "z")
            .endObject()
            .endObject()
            .endArray()
            .toJson();

    JsonNode json = new ObjectMapper().readTree(text);
    assertThat(json.path("s").asText()).isEqualTo("quote\" back\\ nl\n tab\t ctl\u0001 sep\u2028");
    assertThat(json.path("n").asLong()).isEqualTo(-42);
    assertThat(json.path("b").asBoolean()).isTrue();
    assertThat(json.path("absent").isNull()).isTrue();
    assertThat(json.path("list").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(json.path("items").get(1).path("inner").path("y").asText()).isEqualTo("z");
  }

  @Test
  void refusesUnclosedContainers() {
    assertThatThrownBy(() -> JsonWriter.object().beginArray("a").toJson())
        .isInstanceOf(IllegalStateException.class);
  }
}
