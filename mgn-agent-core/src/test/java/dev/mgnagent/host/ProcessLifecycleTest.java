package dev.mgnagent.host;

import static dev.mgnagent.host.ProcessProbe.PATIENCE;
import static dev.mgnagent.host.ProcessProbe.afterComm;
import static dev.mgnagent.host.ProcessProbe.await;
import static dev.mgnagent.host.ProcessProbe.awaitDeath;
import static dev.mgnagent.host.ProcessProbe.commandLineOf;
import static dev.mgnagent.host.ProcessProbe.readAll;
import static dev.mgnagent.host.ProcessProbe.sessionMembers;
import static dev.mgnagent.host.ProcessProbe.sessionOf;
import static dev.mgnagent.host.ProcessProbe.ttyOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions, waiting, killing the process tree and closing. */
class ProcessLifecycleTest {

  private static final int SIGKILL_EXIT = 128 + 9;
  private static final int SIGTERM_EXIT = 128 + 15;

  private final CommandRunner runner = LocalHost.create().commandRunner();

  /** A short grace period, for processes that ignore SIGTERM (an upper bound on test time only). */
  private final CommandRunner impatient =
      new dev.mgnagent.host.internal.LocalCommandRunner(Duration.ofMillis(200));

  /** Whatever a failing test may leave running. */
  private final List<ProcessHandle> leftovers = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    leftovers.forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void newSessionChildLeadsItsSessionWithoutTerminalUnderItsOwnPid() throws Exception {
    Command stat = Command.of("/bin/cat", "/proc/self/stat").withNewSession(true);
    try (RunningCommand process = runner.start(stat)) {
      assertThat(process.waitFor(PATIENCE)).hasValue(0);
      String line = readAll(process.stdout());
      String[] fields = afterComm(line);

      assertThat(line).startsWith(process.pid() + " ("); // setsid exec'd in place, no fork
      assertThat(Long.parseLong(fields[3])).as("session").isEqualTo(process.pid());
      assertThat(Long.parseLong(fields[4])).as("tty_nr").isZero();
    }
  }

  @Test
  void newSessionIsVisibleFromOutside() throws Exception {
    try (RunningCommand process = runner.start(sleeper().withNewSession(true))) {
      // setsid(2) runs in the child just after fork; under load the first look may come before it.
      await(() -> sessionOf(process.pid()) == process.pid(), "the child to lead its own session");
      assertThat(ttyOf(process.pid())).isZero();
    }
  }

  @Test
  void withoutNewSessionTheChildStaysInOurSession() throws Exception {
    try (RunningCommand process = runner.start(sleeper())) {
      assertThat(sessionOf(process.pid())).isEqualTo(sessionOf(ProcessHandle.current().pid()));
    }
  }

  @Test
  void waitForTimesOutWhileRunningAndKillTreeEndsIt() throws Exception {
    try (RunningCommand process = runner.start(sleeper())) {
      assertThat(process.waitFor(Duration.ofMillis(50))).isEmpty();
      assertThat(process.isAlive()).isTrue();

      process.killTree();

      assertThat(process.waitFor(PATIENCE)).hasValue(SIGTERM_EXIT);
      assertThat(process.isAlive()).isFalse();
    }
  }

  @Test
  void waitForAcceptsAnyTimeout() throws Exception {
    try (RunningCommand process = runner.start(Command.of("/bin/sh", "-c", "exit 7"))) {
      assertThat(process.waitFor(Duration.ofSeconds(Long.MAX_VALUE))).hasValue(7);
      assertThat(process.waitFor(Duration.ofSeconds(-1))).hasValue(7);
    }
  }

  @Test
  void killTreeKillsChildrenAndGrandchildren() throws Exception {
    Command tree =
        Command.of("/bin/sh", "-c", "/bin/sh -c '/bin/sleep 1000 & wait' & /bin/sleep 1000 & wait");
    try (RunningCommand process = runner.start(tree)) {
      ProcessHandle self = ProcessHandle.of(process.pid()).orElseThrow();
      await(() -> self.descendants().count() >= 3, "a child shell and two sleeps");
      List<ProcessHandle> descendants = self.descendants().collect(Collectors.toList());
      leftovers.addAll(descendants);

      process.killTree();

      assertThat(process.waitFor(PATIENCE)).hasValue(SIGTERM_EXIT);
      for (ProcessHandle descendant : descendants) {
        awaitDeath(descendant.pid());
      }
    }
  }

  @Test
  void killTreeKillsReparentedSessionMembers() throws Exception {
    Command daemonizing =
        Command.of("/bin/sh", "-c", "(/bin/sleep 1000 &) ; exit 0").withNewSession(true);
    try (RunningCommand process = runner.start(daemonizing)) {
      assertThat(process.waitFor(PATIENCE)).hasValue(0);
      List<Long> orphans = new ArrayList<>();
      await(() -> orphans.addAll(membersOf(process.pid())), "the orphaned sleep");
      orphans.forEach(pid -> ProcessHandle.of(pid).ifPresent(leftovers::add));
      assertThat(ProcessProbe.statAfterComm(orphans.get(0)).orElseThrow()[1])
          .as("parent of the orphan")
          .isNotEqualTo(Long.toString(process.pid()));

      process.killTree();

      for (long orphan : orphans) {
        awaitDeath(orphan);
      }
    }
  }

  @Test
  void closeLeavesTheDaemonOfASuccessfulCommandRunningAndReportsIt() throws Exception {
    Command daemonizing =
        Command.of("/bin/sh", "-c", "(/bin/sleep 1000 &) ; exit 0").withNewSession(true);
    RunningCommand process = runner.start(daemonizing);
    assertThat(process.waitFor(PATIENCE)).hasValue(0);
    List<Long> orphans = new ArrayList<>();
    // the report names what runs at close(): wait until the fork has become /bin/sleep
    await(
        () -> {
          List<Long> members = membersOf(process.pid());
          boolean started =
              !members.isEmpty()
                  && members.stream().allMatch(p -> commandLineOf(p).equals("/bin/sleep 1000"));
          return started && orphans.addAll(members);
        },
        "the orphaned sleep");
    orphans.forEach(pid -> ProcessHandle.of(pid).ifPresent(leftovers::add));

    process.close();

    assertThat(ProcessProbe.isRunning(orphans.get(0))).as("the daemon after close()").isTrue();
    assertThat(process.leftovers())
        .extracting(SessionProcess::pid, SessionProcess::command)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(orphans.get(0), "/bin/sleep 1000"));
  }

  @Test
  void closeKillsWhatIsLeftOfAFailedCommandsSession() throws Exception {
    Command daemonizing =
        Command.of("/bin/sh", "-c", "(/bin/sleep 1000 &) ; exit 3").withNewSession(true);
    RunningCommand process = runner.start(daemonizing);
    assertThat(process.waitFor(PATIENCE)).hasValue(3);
    List<Long> orphans = new ArrayList<>();
    await(() -> orphans.addAll(membersOf(process.pid())), "the orphaned sleep");
    orphans.forEach(pid -> ProcessHandle.of(pid).ifPresent(leftovers::add));

    process.close();

    for (long orphan : orphans) {
      awaitDeath(orphan);
    }
    assertThat(process.leftovers()).isEmpty();
  }

  @Test
  void killTreeAsksFirstAndWaitsForAnOrderlyExit() throws Exception {
    // The shell traps TERM, says so and exits 0: the exit code shows it got TERM, not KILL.
    Command polite =
        Command.of(
                "/bin/sh",
                "-c",
                "trap 'echo bye; exit 0' TERM; echo ready; " + "while :; do /bin/sleep 1; done")
            .withNewSession(true);
    try (RunningCommand process = runner.start(polite)) {
      ProcessProbe.readUntil(process.stdout(), "ready\n");

      process.killTree();

      assertThat(process.waitFor(PATIENCE)).hasValue(0);
      assertThat(readAll(process.stdout())).isEqualTo("bye\n");
    }
  }

  @Test
  void killTreeForcesWhatIgnoresTermAfterTheGracePeriod() throws Exception {
    Command stubborn =
        Command.of("/bin/sh", "-c", "trap '' TERM; echo ready; /bin/sleep 1000 & wait")
            .withNewSession(true);
    try (RunningCommand process = impatient.start(stubborn)) {
      ProcessProbe.readUntil(process.stdout(), "ready\n");
      ProcessHandle self = ProcessHandle.of(process.pid()).orElseThrow();
      await(() -> self.descendants().count() >= 1, "the sleep");
      List<ProcessHandle> descendants = self.descendants().collect(Collectors.toList());
      leftovers.addAll(descendants);

      process.killTree();

      assertThat(process.waitFor(PATIENCE)).hasValue(SIGKILL_EXIT);
      for (ProcessHandle descendant : descendants) {
        awaitDeath(descendant.pid());
      }
    }
  }

  @Test
  void closeKillsTheRunningTree() throws Exception {
    RunningCommand process =
        runner.start(Command.of("/bin/sh", "-c", "/bin/sleep 1000 & wait").withNewSession(true));
    ProcessHandle self = ProcessHandle.of(process.pid()).orElseThrow();
    await(() -> self.descendants().count() >= 1, "the sleep");
    List<ProcessHandle> descendants = self.descendants().collect(Collectors.toList());
    leftovers.addAll(descendants);

    process.close();

    awaitDeath(process.pid());
    for (ProcessHandle descendant : descendants) {
      awaitDeath(descendant.pid());
    }
  }

  @Test
  void closeIsIdempotent() throws Exception {
    RunningCommand process = runner.start(sleeper());

    process.close();
    process.close();

    assertThat(process.waitFor(PATIENCE)).hasValue(SIGTERM_EXIT);
    process.close();
  }

  private static Command sleeper() {
    return Command.of("/bin/sleep", "1000");
  }

  private static List<Long> membersOf(long sessionId) {
    try {
      return sessionMembers(sessionId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
