package dev.mgnagent.host.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.RunningCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a command exited, its session ID (its PID) may be reused by a new session leader. The
 * runner reads a fake process table here in which the live bystander process appears in the exited
 * command's session, started either before the command exited (so a genuine member) or after (so a
 * session that merely reuses the ID).
 */
class RecycledSessionIdTest {

  private static final long EXIT_TICKS = 500_000;

  @TempDir Path proc;
  private Process bystander;

  @AfterEach
  void stopBystander() {
    if (bystander != null) {
      bystander.destroyForcibly();
    }
  }

  @Test
  void aProcessStartedAfterTheExitInTheReusedSessionIsNotKilled() throws Exception {
    RunningCommand failed = failedCommandWithBystanderStartedAt(EXIT_TICKS + 1);

    failed.close();

    assertThat(bystander.waitFor(300, TimeUnit.MILLISECONDS)).as("bystander exited").isFalse();
    assertThat(failed.leftovers()).isEmpty();
  }

  @Test
  void aProcessStartedBeforeTheExitIsAMemberAndIsKilled() throws Exception {
    RunningCommand failed = failedCommandWithBystanderStartedAt(EXIT_TICKS - 1);

    failed.close();

    assertThat(bystander.waitFor(10, TimeUnit.SECONDS)).as("bystander exited").isTrue();
  }

  private RunningCommand failedCommandWithBystanderStartedAt(long startTicks) throws Exception {
    Files.writeString(proc.resolve("uptime"), (EXIT_TICKS / 100) + ".00 1.00\n");
    LocalCommandRunner runner =
        new LocalCommandRunner(
            ProgramLocator.forThisJvm(), new SessionScanner(proc), Duration.ofMillis(100));
    RunningCommand failed =
        runner.start(Command.of("/bin/sh", "-c", "exit 1").withNewSession(true));
    assertThat(failed.waitFor(Duration.ofSeconds(10))).hasValue(1);
    bystander = new ProcessBuilder("/bin/sleep", "1000").start();
    Path stat = Files.createDirectories(proc.resolve(Long.toString(bystander.pid())));
    StringBuilder line =
        new StringBuilder(
            bystander.pid()
                + " (sleep) S 1 "
                + failed.pid()
                + " "
                + failed.pid()
                + " 0 -1 4194304");
    for (int field = 10; field <= 21; field++) {
      line.append(" 0");
    }
    line.append(' ').append(startTicks).append(" 0 0\n");
    Files.writeString(stat.resolve("stat"), line.toString());
    Files.writeString(stat.resolve("cmdline"), "/bin/sleep\0" + "1000\0");
    return failed;
  }
}
