package dev.mgnagent.selection.internal;

import static dev.mgnagent.BadStrings.BUDGET;
import static dev.mgnagent.BadStrings.EXAMPLES;
import static dev.mgnagent.BadStrings.SEED;
import static dev.mgnagent.BadStrings.any;
import static dev.mgnagent.BadStrings.isShortLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

/** Any {@code --devices} text splits into a bounded number of items, each clean or explained. */
class DeviceListParserFuzzTest {

  @Test
  void anyListSplitsIntoBoundedItemsWithShortProblems() {
    assertTimeoutPreemptively(
        BUDGET,
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any())
                .checkAssert(
                    text -> {
                      var items = DeviceListParser.parse(text);
                      assertThat(items)
                          .isNotEmpty()
                          .hasSizeLessThanOrEqualTo(DeviceListParser.MAX_ITEMS);
                      for (var item : items) {
                        if (item.problem().isPresent()) {
                          assertThat(isShortLine(item.problem().get(), 200))
                              .as(item.problem().get())
                              .isTrue();
                        } else {
                          assertThat(item.text())
                              .startsWith("/")
                              .doesNotContain(",", " ", "..", "'", "\"")
                              .matches("[\\x21-\\x7e]+");
                        }
                      }
                    }));
  }
}
