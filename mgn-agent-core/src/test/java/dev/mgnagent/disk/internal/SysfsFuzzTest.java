package dev.mgnagent.disk.internal;

import static dev.mgnagent.BadStrings.BUDGET;
import static dev.mgnagent.BadStrings.EXAMPLES;
import static dev.mgnagent.BadStrings.SEED;
import static dev.mgnagent.BadStrings.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * The sysfs value parsers and the mountinfo parser take any file content: they return a value or
 * raise {@link IllegalArgumentException} (which the inventory turns into a warning), nothing else.
 */
class SysfsFuzzTest {

  private static void valueOrIllegalArgument(Runnable parse) {
    try {
      parse.run();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(200);
    }
  }

  private static void forAny(Consumer<String> check) {
    assertTimeoutPreemptively(
        BUDGET,
        () -> qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(any()).checkAssert(check));
  }

  @Test
  void sizeFilesGiveANonNegativeByteCountOrIllegalArgument() {
    forAny(
        text ->
            valueOrIllegalArgument(() -> assertThat(SysfsValues.sizeBytes(text)).isNotNegative()));
  }

  @Test
  void numberFilesGiveANonNegativeNumberOrIllegalArgument() {
    forAny(
        text -> valueOrIllegalArgument(() -> assertThat(SysfsValues.number(text)).isNotNegative()));
  }

  @Test
  void flagAndDeviceNumberFilesParseOrRaiseIllegalArgument() {
    forAny(
        text -> {
          valueOrIllegalArgument(() -> SysfsValues.flag(text));
          valueOrIllegalArgument(
              () -> assertThat(SysfsValues.majorMinor(text)).matches("\\d{1,10}:\\d{1,10}"));
        });
  }

  @Test
  void mountinfoTextParsesOrRaisesIllegalArgument() {
    forAny(text -> valueOrIllegalArgument(() -> MountInfoParser.parse(text)));
  }

  @Test
  void mountinfoLinesWithHostileFieldsParseOrRaiseIllegalArgument() {
    assertTimeoutPreemptively(
        BUDGET,
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(
                    lists()
                        .of(
                            Generate.oneOf(
                                any(),
                                Generate.constant(
                                    "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue")))
                        .ofSizeBetween(0, 20))
                .checkAssert(
                    lines ->
                        valueOrIllegalArgument(
                            () -> MountInfoParser.parse(String.join("\n", lines)))));
  }
}
