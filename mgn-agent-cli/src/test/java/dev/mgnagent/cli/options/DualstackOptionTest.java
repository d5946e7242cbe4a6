package dev.mgnagent.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.CliRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --dualstack} and its hidden alias {@code --dual-stack}. */
class DualstackOptionTest {

  @Command(name = "probe")
  static final class Probe {
    @Mixin DualstackOption dualstack;
  }

  private static DualstackOption parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.dualstack;
  }

  @Test
  void eitherSpellingTurnsItOnAndMessagesUseTheOneTyped() {
    assertThat(parse().dualstack()).isFalse();
    assertThat(parse("--dualstack").dualstack()).isTrue();
    assertThat(parse("--dualstack").flag()).isEqualTo("--dualstack");
    assertThat(parse("--dual-stack").dualstack()).isTrue();
    assertThat(parse("--dual-stack").flag()).isEqualTo("--dual-stack");
  }

  @Test
  void installAndVerifyInstallerShowOnlyTheInstallersSpelling() {
    for (String command : new String[] {"install", "verify-installer"}) {
      CliRun help = CliRun.of(command, "--help");
      assertThat(help.out()).as(command).contains("--dualstack").doesNotContain("--dual-stack");
    }
  }
}
