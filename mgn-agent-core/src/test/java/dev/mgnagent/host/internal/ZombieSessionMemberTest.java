package dev.mgnagent.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.RunningCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session member that the process table shows as a zombie has exited: stopping the command does
 * not wait the grace period for it to be reaped (an init that reaps orphans late, or never, would
 * hold every stop that long) and sends it no {@code SIGKILL}. The runner reads a fake process table
 * in which a live bystander, which ignores {@code SIGTERM}, is a zombie member of the session.
 */
class ZombieSessionMemberTest {

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
  void aZombieMemberIsNeitherWaitedForNorKilled() throws Exception {
    Files.writeString(proc.resolve("uptime"), (EXIT_TICKS / 100) + ".00 1.00\n");
    LocalCommandRunner runner =
        new LocalCommandRunner(
            ProgramLocator.forThisJvm(), new SessionScanner(proc), Duration.ofMinutes(10));
    RunningCommand failed =
        runner.start(Command.of("/bin/sh", "-c", "exit 1").withNewSession(true));
    assertThat(failed.waitFor(Duration.ofSeconds(10))).hasValue(1);
    bystander = new ProcessBuilder("/bin/sh", "-c", "trap '' TERM; exec /bin/sleep 1000").start();
    writeStat(bystander.pid(), "Z", failed.pid());

    // a ten-minute grace period: waiting for the zombie would hold close() that long
    assertTimeoutPreemptively(Duration.ofSeconds(60), failed::close);

    assertThat(bystander.isAlive()).as("no SIGKILL for a zombie").isTrue();
  }

  private void writeStat(long pid, String state, long session) throws Exception {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    StringBuilder line =
        new StringBuilder(pid + " (sleep) " + state + " 1 " + session + " " + session + " 0 -1 0");
    for (int field = 10; field <= 21; field++) {
      line.append(" 0");
    }
    line.append(' ').append(EXIT_TICKS - 1).append(" 0 0\n");
    Files.writeString(dir.resolve("stat"), line.toString());
    Files.writeString(dir.resolve("cmdline"), "/bin/sleep\0" + "1000\0");
  }
}
