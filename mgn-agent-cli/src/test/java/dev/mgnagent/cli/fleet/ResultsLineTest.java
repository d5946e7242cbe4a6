package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.HostFailure;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.install.InstallStep;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Results lines read back: what {@link ResultsFile} writes, and what is refused. */
class ResultsLineTest {

  @Test
  void everyMessageWrittenIsReadBackAsItWas() {
    qt().withExamples(500)
        .forAll(strings().allPossible().ofLengthBetween(0, 40))
        .checkAssert(
            message -> {
              HostOutcome outcome =
                  new HostOutcome(
                      FleetHost.builder().address("web-1").port(2222).build(),
                      HostStatus.FAILED,
                      Optional.empty(),
                      Optional.of(
                          new HostFailure(
                              Optional.of(InstallStep.INSTALL), "INSTALLER_FAILED", message, "r")),
                      Duration.ofMillis(12));

              ResultsLine line = ResultsLine.parse(ResultsFile.line(outcome));

              assertThat(line.text("message")).contains(message);
              assertThat(line.text("host")).contains("web-1");
              assertThat(line.text("port")).contains("2222");
              assertThat(line.text("outcome")).contains("FAILED");
              assertThat(line.text("sourceServerId")).isEmpty();
              assertThat(line.text("durationMs")).contains("12");
            });
  }

  @Test
  void whatIsNotAFlatObjectIsRefused() {
    for (String bad :
        new String[] {
          "",
          "[]",
          "{\"host\":\"a\"",
          "{\"host\":{\"a\":1}}",
          "{\"host\":\"a\"} x",
          "{\"host\":\"a\",\"host\":\"b\"}",
          "{\"host\":\"a\\q\"}",
          "{host:\"a\"}"
        }) {
      assertThatThrownBy(() -> ResultsLine.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
