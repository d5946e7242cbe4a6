package dev.mgnagent.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --flavor} is read by one converter: every command accepts and refuses the same way. */
class FlavorOptionTest {

  @Test
  void everyCommandRefusesAnUnknownFlavorWithTheSameMessage() {
    List<CliRun> runs =
        List.of(
            CliRun.of("install", "--sandbox", "--no-prompt", "--flavor", "perl"),
            CliRun.of("verify-installer", "--region", "us-east-1", "--flavor", "perl"),
            CliRun.of("preflight", "--flavor", "perl"));

    for (CliRun run : runs) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err().lines())
          .singleElement()
          .asString()
          .startsWith(
              "mgn-agent: Invalid value for option '--flavor': 'perl' is not an"
                  + " installer flavor: use binary or python (see 'mgn-agent ");
    }
  }

  @Test
  void theConverterIgnoresCase() {
    assertThat(new FlavorConverter().convert("PyThOn").id()).isEqualTo("python");
    assertThat(new FlavorConverter().convert("BINARY").id()).isEqualTo("binary");
  }
}
