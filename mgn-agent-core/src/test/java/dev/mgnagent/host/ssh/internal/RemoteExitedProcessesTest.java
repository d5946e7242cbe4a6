package dev.mgnagent.host.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.host.SessionProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the remote stop and {@code leftovers()} count as running: a process that has exited and is
 * not reaped yet (a zombie) is not. The stop's shell tests run here through {@code /bin/sh}: the
 * process test against a real zombie (a {@code sleep} killed under a parent that never reaps) with
 * procps, the session test against stand-ins for {@code ps} and {@code pgrep}.
 */
class RemoteExitedProcessesTest {

  @TempDir Path bin;
  private Process parent;

  @AfterEach
  void stop() {
    if (parent != null) {
      parent.destroyForcibly();
    }
  }

  @Test
  void theStopsTestHoldsForARunningProcessAndNotForAZombie() throws Exception {
    // the shell prints its child's PID and becomes a sleep that never waits for it
    parent =
        new ProcessBuilder("/bin/sh", "-c", "/bin/sleep 1000 & echo $!; exec /bin/sleep 1001")
            .start();
    long child =
        Long.parseLong(
            new BufferedReader(
                    new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))
                .readLine()
                .strip());
    assertThat(holds(RemoteProcessScripts.processRunning(Long.toString(child))))
        .as("a running sleep")
        .isTrue();

    ProcessHandle.of(child).orElseThrow().destroy();
    awaitZombie(child);

    assertThat(holds(RemoteProcessScripts.processRunning(Long.toString(child))))
        .as("the zombie")
        .isFalse();
    assertThat(holds(RemoteProcessScripts.processRunning(Long.toString(parent.pid()))))
        .as("its parent")
        .isTrue();
    assertThat(holds(RemoteProcessScripts.processRunning("999999999"))).as("no such").isFalse();
  }

  @Test
  void theSessionTestHoldsWhileAMemberHasNotExited() throws Exception {
    assertThat(holdsWithPsPrinting("Z\nS\n")).as("a zombie and a sleeper").isTrue();
    assertThat(holdsWithPsPrinting("  R+\n")).as("a running member").isTrue();
    assertThat(holdsWithPsPrinting("Z\nZ\nX\n")).as("only exited members").isFalse();
    assertThat(holdsWithPsPrinting("")).as("no member").isFalse();
  }

  @Test
  void wherePsCannotSelectASessionPgrepDecides() throws Exception {
    stub("ps", "echo 'ps: unrecognized option: s' >&2; exit 1");
    stub("pgrep", "echo 4243");
    assertThat(holdsWithStubs()).as("pgrep finds a member").isTrue();
    stub("pgrep", "exit 1");
    assertThat(holdsWithStubs()).as("pgrep finds none").isFalse();
  }

  @Test
  void leftoversLeaveOutExitedProcesses() {
    String listing =
        String.join(
            "\n",
            "  4242 Ss   /usr/sbin/agentd --foreground",
            "  4243 Z    [helper] <defunct>",
            "  4244 X    [gone]",
            " 4245 S+   sleep 30",
            "noise",
            "");

    assertThat(RemoteProcessScripts.sessionProcesses(listing))
        .containsExactly(
            new SessionProcess(4242, "/usr/sbin/agentd --foreground"),
            new SessionProcess(4245, "sleep 30"));
  }

  private static boolean holds(String shellTest) throws Exception {
    return holds(shellTest, System.getenv("PATH"));
  }

  private static boolean holds(String shellTest, String path) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", shellTest);
    builder.environment().put("PATH", path);
    Process test = builder.start();
    assertThat(test.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return test.exitValue() == 0;
  }

  /** The session test, with a {@code ps} that prints {@code states} first on PATH. */
  private boolean holdsWithPsPrinting(String states) throws Exception {
    stub("ps", "printf '" + states + "'");
    return holdsWithStubs();
  }

  /** The session test with the stand-ins in {@code bin} first on PATH. */
  private boolean holdsWithStubs() throws Exception {
    return holds(RemoteProcessScripts.sessionRunning("4242"), bin + ":" + System.getenv("PATH"));
  }

  private void stub(String program, String body) throws Exception {
    Path file = bin.resolve(program);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    file.toFile().setExecutable(true);
  }

  private static void awaitZombie(long pid) throws Exception {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.readString(stat).replaceFirst("^.*\\) ", "").startsWith("Z")) {
      assertThat(System.nanoTime() - deadline).as("waited for the zombie").isNegative();
      Thread.sleep(10);
    }
  }
}
