package dev.mgnagent.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
 * What closing a failed new-session command does to a live bystander that a fake process table
 * shows in the command's session:
 *
 * <ul>
 *   <li>After a command exited, its session ID (its PID) may be reused by a new session leader: a
 *       bystander started after the exit merely reuses the ID and is left alone; one started before
 *       is a genuine member and is killed.
 *   <li>A member the table shows as a zombie has exited: the stop does not wait the grace period
 *       for it to be reaped (an init that reaps orphans late, or never, would hold every stop that
 *       long) and sends it no {@code SIGKILL}; this bystander ignores {@code SIGTERM}.
 * </ul>
 */
class ExitedSessionMembersTest {

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
    RunningCommand failed =
        failedCommandWithBystander(
            Duration.ofMillis(100), "S", EXIT_TICKS + 1, "/bin/sleep", "1000");

    failed.close();

    assertThat(bystander.waitFor(300, TimeUnit.MILLISECONDS)).as("bystander exited").isFalse();
    assertThat(failed.leftovers()).isEmpty();
  }

  @Test
  void aProcessStartedBeforeTheExitIsAMemberAndIsKilled() throws Exception {
    RunningCommand failed =
        failedCommandWithBystander(
            Duration.ofMillis(100), "S", EXIT_TICKS - 1, "/bin/sleep", "1000");

    failed.close();

    assertThat(bystander.waitFor(10, TimeUnit.SECONDS)).as("bystander exited").isTrue();
  }

  @Test
  void aZombieMemberIsNeitherWaitedForNorKilled() throws Exception {
    RunningCommand failed =
        failedCommandWithBystander(
            Duration.ofMinutes(10),
            "Z",
            EXIT_TICKS - 1,
            "/bin/sh",
            "-c",
            "trap '' TERM; exec /bin/sleep 1000");

    // a ten-minute grace period: waiting for the zombie would hold close() that long
    assertTimeoutPreemptively(Duration.ofSeconds(60), failed::close);

    assertThat(bystander.isAlive()).as("no SIGKILL for a zombie").isTrue();
  }

  /**
   * Runs a new-session command that exits 1 under a runner with {@code grace} that reads the fake
   * table, then starts the bystander and lists it there in that session, in {@code state}, started
   * at {@code startTicks}.
   */
  private RunningCommand failedCommandWithBystander(
      Duration grace, String state, long startTicks, String... bystanderCommand) throws Exception {
    Files.writeString(proc.resolve("uptime"), (EXIT_TICKS / 100) + ".00 1.00\n");
    LocalCommandRunner runner =
        new LocalCommandRunner(ProgramLocator.forThisJvm(), new SessionScanner(proc), grace);
    RunningCommand failed =
        runner.start(Command.of("/bin/sh", "-c", "exit 1").withNewSession(true));
    assertThat(failed.waitFor(Duration.ofSeconds(10))).hasValue(1);
    bystander = new ProcessBuilder(bystanderCommand).start();
    Path stat = Files.createDirectories(proc.resolve(Long.toString(bystander.pid())));
    StringBuilder line =
        new StringBuilder(
            bystander.pid()
                + " (sleep) "
                + state
                + " 1 "
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
