package dev.mgnagent.cli.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.cli.output.DurationFlag;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties over the CLI's own parsers and the selection it runs: arbitrary text gives a value or
 * the typed error (exit 2 with one short line), never anything else, never a hang.
 */
class CliFuzzTest {

  private static final long SEED = 0x5eed_10L;
  private static final int EXAMPLES = 1_100;
  private static final Duration BUDGET = Duration.ofSeconds(90);

  private static final List<String> FRAGMENTS =
      List.of(
          ",",
          ",",
          "/",
          "/dev/",
          "sda",
          "sda1",
          "nvme0n1",
          "xvdf",
          "sdb",
          "sr0",
          "loop0",
          "=",
          ":",
          "'",
          "\"",
          "\n",
          "\0",
          " ",
          "..",
          "-",
          "*",
          "[",
          "{",
          "\u0455",
          "\u200b",
          "\ud800",
          "1",
          "0",
          "99999999999999",
          "h",
          "m",
          "s",
          "ms",
          "d",
          "PT",
          "P",
          "-");

  @TempDir static Path temp;
  private static Path tree;

  @BeforeAll
  static void writeTree() {
    tree = HostTrees.standard().writeTo(temp.resolve("standard"));
  }

  static Gen<String> any() {
    Gen<String> structural =
        lists()
            .of(Generate.pick(FRAGMENTS))
            .ofSizeBetween(0, 40)
            .map(parts -> String.join("", parts));
    return Generate.frequency(
        Pair.of(3, strings().allPossible().ofLengthBetween(0, 120)),
        Pair.of(2, strings().basicLatinAlphabet().ofLengthBetween(0, 120)),
        Pair.of(6, structural),
        Pair.of(
            1,
            structural.zip(
                integers().between(5_000, 50_000),
                (unit, n) -> unit.isEmpty() ? ",".repeat(n) : unit.repeat(n / unit.length() + 1))));
  }

  @Test
  void durationsArePositiveAndBoundedOrRefused() {
    AtomicInteger examples = new AtomicInteger();
    assertTimeoutPreemptively(
        BUDGET,
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any())
                .checkAssert(
                    text -> {
                      examples.incrementAndGet();
                      try {
                        Duration d = DurationFlag.parse("--watch-timeout", text);
                        assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofDays(36_500));
                      } catch (InvalidRequestException e) {
                        assertThat(e.parameter()).hasValue("--watch-timeout");
                        assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("\n");
                      }
                    }));
    assertThat(examples).hasValueGreaterThanOrEqualTo(1_000);
  }

  @Test
  void anyDeviceListSelectsWholeDisksOrIsRefusedWithTheTypedError() {
    Host host = LocalHost.rootedAt(tree);
    ReplicationSelection selection =
        ReplicationSelection.of(DiskInventory.of(host).read(), DevicePaths.of(host));
    assertTimeoutPreemptively(
        BUDGET,
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any())
                .checkAssert(
                    text -> {
                      try {
                        Selection s =
                            selection.select(new SelectionRequest(Optional.of(text), false, false));
                        assertThat(s.paths())
                            .contains("/dev/sda")
                            .isSubsetOf("/dev/sda", "/dev/nvme0n1", "/dev/sdb");
                      } catch (InvalidRequestException e) {
                        assertThat(e.parameter()).hasValue("devices");
                      }
                    }));
  }

  @Test
  void theDisksCommandExitsZeroOrTwoWithOneShortLine() {
    assertTimeoutPreemptively(
        BUDGET,
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(any())
                .checkAssert(
                    text -> {
                      CliRun run =
                          CliRun.of("disks", "--host-root", tree.toString(), "--devices=" + text);
                      assertThat(run.exitCode()).as(run.err()).isIn(0, 2);
                      if (run.exitCode() == 2) {
                        assertThat(run.out()).isEmpty();
                        assertThat(run.err().strip())
                            .doesNotContain("\n", "Exception", "java.")
                            .hasSizeLessThanOrEqualTo(300);
                      }
                    }));
  }
}
