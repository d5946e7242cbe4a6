package dev.mgnagent.host;

import static dev.mgnagent.host.ProcessProbe.awaitDeath;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.host.internal.LocalCommandRunner;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CommandResultTest {

  private final CommandRunner runner = new LocalCommandRunner(Duration.ofMillis(200));

  @Test
  void aHungCommandIsStoppedAtTheTimeoutAndReported() throws Exception {
    // The sleep holds both pipes open: reading to end-of-file first would never return.
    Command hung = Command.of("/bin/sh", "-c", "echo started; echo $$ >&2; /bin/sleep 1000");

    CommandResult result = CommandResult.run(runner, hung, Duration.ofMillis(300));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.exitCode()).isEmpty();
    assertThat(result.stdout()).isEqualTo("started\n");
    awaitDeath(Long.parseLong(result.stderr().strip()));
  }

  @Test
  void bothStreamsAreReadWhileTheCommandRuns() throws Exception {
    // 1 MiB on stderr before anything on stdout fills the stderr pipe if only stdout is read.
    Command chatty =
        Command.of("/bin/sh", "-c", "/usr/bin/head -c 1048576 /dev/zero >&2; echo done");

    CommandResult result = CommandResult.run(runner, chatty, Duration.ofSeconds(30));

    assertThat(result.exitCode()).isEqualTo(OptionalInt.of(0));
    assertThat(result.stdout()).isEqualTo("done\n");
    assertThat(result.stderr()).hasSize(1 << 20);
  }
}
