package dev.mgnagent;

import static dev.mgnagent.BadStrings.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagsTest {

  @Test
  void theOrderGivenIsKeptByEveryWayIn() {
    Tags built = Tags.builder().add("zeta", "1").add("alpha", "2").add("mid", "3").build();
    Tags parsed = Tags.parse(List.of("zeta=1", "alpha=2", "mid=3"));
    Map<String, String> ordered = new LinkedHashMap<>();
    ordered.put("zeta", "1");
    ordered.put("alpha", "2");
    ordered.put("mid", "3");

    assertThat(built.asMap().keySet()).containsExactly("zeta", "alpha", "mid");
    assertThat(parsed).isEqualTo(built);
    assertThat(Tags.of(ordered)).isEqualTo(built);
  }

  @Test
  void equalityDependsOnOrder() {
    assertThat(Tags.builder().add("a", "1").add("b", "2").build())
        .isNotEqualTo(Tags.builder().add("b", "2").add("a", "1").build());
  }

  @Test
  void fiftyTagsAreAcceptedAndTheFiftyFirstIsRefusedEveryWay() {
    List<String> fifty = IntStream.range(0, 50).mapToObj(i -> "k" + i + "=v").toList();
    assertThat(Tags.parse(fifty).size()).isEqualTo(50);

    List<String> fiftyOne = new ArrayList<>(fifty);
    fiftyOne.add("k50=v");
    assertRefused(() -> Tags.parse(fiftyOne), "at most 50");
    Tags.Builder builder = Tags.builder();
    fifty.forEach(t -> builder.add(t.substring(0, t.indexOf('=')), "v"));
    assertRefused(() -> builder.add("k50", "v"), "at most 50");
    Map<String, String> map = new LinkedHashMap<>();
    IntStream.range(0, 51).forEach(i -> map.put("k" + i, "v"));
    assertRefused(() -> Tags.of(map), "at most 50");
  }

  @Test
  void keysHaveOneTo128CharactersAndValuesAtMost256() {
    assertThat(Tags.builder().add("k".repeat(128), "v".repeat(256)).build().size()).isEqualTo(1);
    assertThat(Tags.builder().add("k", "").build().asMap()).containsEntry("k", "");

    assertRefused(() -> Tags.builder().add("", "v"), "1 to 128");
    assertRefused(() -> Tags.builder().add("k".repeat(129), "v"), "1 to 128");
    assertRefused(() -> Tags.builder().add("k", "v".repeat(257)), "longer than 256");
  }

  @ParameterizedTest
  @ValueSource(strings = {"aws:owner", "AWS:owner", "Aws:x", "aWs:", "awS:cost"})
  void theAwsPrefixIsRefusedInAnyCase(String key) {
    assertRefused(() -> Tags.builder().add(key, "v"), "aws:");
    assertRefused(() -> Tags.of(Map.of(key, "v")), "aws:");
  }

  @Test
  void aKeyWithAwsElsewhereIsFine() {
    assertThat(Tags.builder().add("my-aws:key", "v").add("aws", "v").build().size()).isEqualTo(2);
  }

  @Test
  void aDuplicateKeyIsRefused() {
    assertRefused(() -> Tags.parse(List.of("env=prod", "env=test")), "given twice");
    assertRefused(() -> Tags.builder().add("env", "prod").add("env", "prod"), "given twice");
  }

  @Test
  void controlCharactersAndLineBreaksAreRefused() {
    assertRefused(() -> Tags.builder().add("k", "a\nb"), "character");
    assertRefused(() -> Tags.builder().add("k\u0000", "v"), "character");
  }

  @Test
  void anItemWithoutEqualsIsRefused() {
    assertRefused(() -> Tags.parse(List.of("novalue")), "KEY=VALUE");
  }

  @Test
  void emptyIsEmpty() {
    assertThat(Tags.empty().isEmpty()).isTrue();
    assertThat(Tags.builder().build()).isEqualTo(Tags.empty());
    assertThat(Tags.parse(List.of())).isEqualTo(Tags.empty());
  }

  /** Distinct valid keys in any number up to 50, with a valid value, are kept in order. */
  @Test
  void anyValidDistinctKeysAreKeptInOrderAndRoundTripThroughParse() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(
            lists()
                .of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 128))
                .ofSizeBetween(0, 50),
            strings().betweenCodePoints('-', ':').ofLengthBetween(0, 256))
        .assuming((keys, value) -> keys.stream().distinct().count() == keys.size())
        .checkAssert(
            (keys, value) -> {
              Tags.Builder builder = Tags.builder();
              keys.forEach(k -> builder.add(k, value));
              Tags tags = builder.build();
              assertThat(tags.asMap().keySet()).containsExactlyElementsOf(keys);
              assertThat(Tags.parse(keys.stream().map(k -> k + "=" + value).toList()))
                  .isEqualTo(tags);
            });
  }

  /** Whatever follows a case variant of aws:, the key is refused naming the tags parameter. */
  @Test
  void anyKeyBehindAnAwsPrefixIsRefused() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(
            integers().between(0, 15),
            strings().betweenCodePoints('a', 'z').ofLengthBetween(0, 100))
        .checkAssert(
            (caseBits, rest) -> {
              StringBuilder prefix = new StringBuilder();
              String aws = "aws:";
              for (int i = 0; i < 4; i++) {
                char c = aws.charAt(i);
                prefix.append((caseBits & (1 << i)) != 0 ? Character.toUpperCase(c) : c);
              }
              assertRefused(() -> Tags.builder().add(prefix + rest, "v"), "aws:");
            });
  }

  private static void assertRefused(Runnable call, String why) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.parameter()).hasValue("tags"))
        .hasMessageStartingWith("tags: ")
        .hasMessageContaining(why)
        .hasMessageNotContaining("--");
  }
}
