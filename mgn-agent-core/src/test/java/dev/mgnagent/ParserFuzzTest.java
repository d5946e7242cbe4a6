package dev.mgnagent;

import static dev.mgnagent.BadStrings.BUDGET;
import static dev.mgnagent.BadStrings.EXAMPLES;
import static dev.mgnagent.BadStrings.SEED;
import static dev.mgnagent.BadStrings.any;
import static dev.mgnagent.BadStrings.isShortLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.internal.DigestText;
import dev.mgnagent.mgn.SourceServerId;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * Arbitrary text never makes a parser raise anything but {@link InvalidRequestException} (naming
 * its parameter, with a short one-line message), and never makes one hang.
 */
class ParserFuzzTest {

  /** Runs {@code body}, which either returns or throws the typed error, within the budget. */
  private static void typedOrNothing(String parameter, Runnable body) {
    try {
      body.run();
    } catch (InvalidRequestException e) {
      assertThat(e.parameter()).hasValue(parameter);
      assertThat(isShortLine(e.getMessage(), 400)).as(e.getMessage()).isTrue();
    }
  }

  private static void property(Runnable run) {
    assertTimeoutPreemptively(BUDGET, run::run);
  }

  @Test
  void tagsParseOrRefuseWithTheTypedError() {
    property(
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(lists().of(any()).ofSizeBetween(0, 60))
                .checkAssert(
                    items ->
                        typedOrNothing(
                            "tags",
                            () -> {
                              var tags = Tags.parse(items);
                              assertThat(tags.size()).isLessThanOrEqualTo(50);
                              tags.asMap()
                                  .forEach(
                                      (k, v) ->
                                          assertThat(k)
                                              .isNotEmpty()
                                              .hasSizeLessThanOrEqualTo(128)
                                              .doesNotStartWith("aws:"));
                            })));
  }

  @Test
  void regionsAreWellFormedOrRefused() {
    property(
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any())
                .checkAssert(
                    text ->
                        typedOrNothing(
                            "--region",
                            () ->
                                assertThat(Regions.requireWellFormed("--region", text))
                                    .matches("[a-z]{2}(-(gov|iso[a-z]?))?-[a-z]+-[0-9]{1,2}"))));
  }

  @Test
  void endpointsAreHttpsOrLoopbackHttpWithAPortInRangeOrRefused() {
    property(
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any())
                .checkAssert(
                    text ->
                        typedOrNothing(
                            "--endpoint",
                            () -> {
                              URI uri =
                                  Endpoints.parse(
                                      "--endpoint", "MGN endpoint", "example.com", text);
                              assertThat(uri.getScheme()).isIn("https", "http");
                              assertThat(uri.getHost()).isNotNull();
                              assertThat(uri.getPort()).isBetween(-1, 65535).isNotZero();
                              assertThat(uri.getRawUserInfo()).isNull();
                              assertThat(uri.getRawQuery()).isNull();
                            })));
  }

  @Test
  void sourceServerIdsParseOrAreRefused() {
    property(
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any())
                .checkAssert(
                    text ->
                        typedOrNothing(
                            "--source-server-id",
                            () ->
                                assertThat(SourceServerId.parse("--source-server-id", text).value())
                                    .matches("s-[0-9a-zA-Z]{17}"))));
  }

  @Test
  void publishedDigestTextNeverThrows() {
    property(
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any())
                .checkAssert(
                    text -> {
                      Optional<String> digest = DigestText.parse(text);
                      digest.ifPresent(d -> assertThat(d).matches("[0-9a-f]{128}"));
                    }));
  }

  @Test
  void expectedSha512IsHexOrRefused() {
    property(
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any())
                .checkAssert(
                    text ->
                        typedOrNothing(
                            "sha512", () -> InstallerVerifier.builder().expectedSha512(text))));
  }

  @Test
  void installRequestsBuildOrNameTheBadFlag() {
    property(
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any(), any(), any())
                .checkAssert(
                    (key, secret, id) -> {
                      try {
                        InstallRequest.builder()
                            .region(Region.US_EAST_1)
                            .accessKeyId(key)
                            .secretAccessKey(Secret.of(secret))
                            .userProvidedId(id)
                            .build();
                      } catch (InvalidRequestException e) {
                        assertThat(e.parameter())
                            .get()
                            .isIn("accessKeyId", "secretAccessKey", "userProvidedId");
                        assertThat(isShortLine(e.getMessage(), 400)).as(e.getMessage()).isTrue();
                        if (secret.length() >= 16
                            && !key.contains(secret)
                            && !id.contains(secret)) {
                          assertThat(e.getMessage())
                              .doesNotContain(secret)
                              .doesNotContain(Shown.escaped(secret).substring(0, 16));
                        }
                      }
                    }));
  }

  @Test
  void shownValuesArePrintableAsciiAndShort() {
    property(
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any())
                .checkAssert(
                    text -> {
                      String shown = Shown.quoted(text);
                      assertThat(Shown.isPrintableAscii(shown)).as(shown).isTrue();
                      assertThat(shown.length()).isLessThanOrEqualTo(Shown.MAX_SHOWN + 32);
                    }));
  }
}
