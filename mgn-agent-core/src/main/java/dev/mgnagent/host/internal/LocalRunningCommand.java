package dev.mgnagent.host.internal;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.RunningCommand;
import dev.mgnagent.host.SessionProcess;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A process of this machine, started by {@link LocalCommandRunner}.
 *
 * <p>{@link #killTree()} sends {@code SIGTERM} to the whole tree (and session), waits up to the
 * runner's grace period for it to exit, then sends {@code SIGKILL} to what is left. A process
 * killed by {@code SIGKILL} exits with code 137 (128 + 9), by {@code SIGTERM} with 143.
 *
 * <p>Every process is signalled through a {@link ProcessHandle} (which pins the process's start
 * time), taken after checking that the process belongs to this command's session: a session member
 * counts only if it started before the command exited, or while another such member is still alive
 * (the kernel does not reuse a process ID while it names a session that still has members). So a
 * process ID recycled after the command exited is never signalled.
 */
final class LocalRunningCommand implements RunningCommand {

  /** New processes may be forked between a scan and the kills; rescan a bounded number of times. */
  private static final int MAX_SESSION_SCANS = 4;

  /** How often {@link #killTree()} looks whether the processes it signalled have exited. */
  private static final Duration EXIT_POLL = Duration.ofMillis(10);

  private final Process process;
  private final Command command;
  private final SessionScanner sessions;
  private final Duration killGrace;
  private final OutputStream stdin;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Clock ticks since boot, read just after the process exited; -1 until then. */
  private final AtomicLong exitTicks = new AtomicLong(-1);

  LocalRunningCommand(
      Process process, Command command, SessionScanner sessions, Duration killGrace) {
    this.process = process;
    this.command = command;
    this.sessions = sessions;
    this.killGrace = killGrace;
    this.stdin = new AutoFlushOutputStream(process.getOutputStream());
    process.onExit().thenRun(this::exitTicks);
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public OutputStream stdin() {
    return stdin;
  }

  @Override
  public InputStream stdout() {
    return process.getInputStream();
  }

  @Override
  public InputStream stderr() {
    return process.getErrorStream();
  }

  @Override
  public OptionalInt waitFor(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    long nanos;
    try {
      nanos = timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      nanos = Long.MAX_VALUE;
    }
    return process.waitFor(nanos, TimeUnit.NANOSECONDS)
        ? OptionalInt.of(process.exitValue())
        : OptionalInt.empty();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Sends {@code SIGTERM} to the process, to its descendants and, for a command started in a new
   * session, to every process of that session (those include processes re-parented to init after
   * their parent exited); waits up to the grace period for them to exit, then sends {@code SIGKILL}
   * to those still running and to session members forked in the meantime. A root process behind
   * {@code sudo} gets the {@code SIGTERM} relayed by sudo.
   *
   * @throws java.io.UncheckedIOException if the session's processes cannot be listed from {@code
   *     /proc}; the process and its descendants have been signalled by then
   */
  @Override
  public void killTree() {
    Map<Long, ProcessHandle> targets = new LinkedHashMap<>();
    if (process.isAlive()) {
      // Snapshot first: once the process is dead its children are re-parented and out of reach.
      List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
      targets.put(process.pid(), process.toHandle());
      descendants.forEach(handle -> targets.putIfAbsent(handle.pid(), handle));
    }
    try {
      if (command.newSession()) {
        sessionMembers().forEach(handle -> targets.putIfAbsent(handle.pid(), handle));
      }
    } finally {
      terminate(targets.values());
    }
    if (command.newSession()) {
      killNewSessionMembers(targets.keySet());
    }
  }

  /**
   * TERM, wait up to the grace period, KILL what is left. The wait looks every {@link #EXIT_POLL}
   * itself, and a zombie counts as exited: {@link ProcessHandle#onExit()} of a process that is not
   * this JVM's child (a grandchild, a session member) notices its exit 300 ms or more later, and
   * only once it has been reaped, so every stop (Ctrl-C included) would last that long, or the
   * whole grace period where init reaps orphans late.
   */
  private void terminate(Collection<ProcessHandle> targets) {
    targets.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + killGrace.toNanos();
    try {
      while (targets.stream().anyMatch(this::stillRunning) && deadline - System.nanoTime() > 0) {
        Thread.sleep(EXIT_POLL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // no more waiting: kill now
    }
    targets.stream().filter(this::stillRunning).forEach(ProcessHandle::destroyForcibly);
  }

  /** Alive and not a zombie; the handle pins the start time, so a reused ID is not mistaken. */
  private boolean stillRunning(ProcessHandle handle) {
    return handle.isAlive() && !sessions.isZombie(handle.pid());
  }

  private void killNewSessionMembers(Set<Long> signalled) {
    Set<Long> seen = new HashSet<>(signalled);
    for (int scan = 0; scan < MAX_SESSION_SCANS; scan++) {
      boolean foundNew = false;
      for (ProcessHandle member : sessionMembers()) {
        if (seen.add(member.pid())) {
          foundNew = true;
          member.destroyForcibly();
        }
      }
      if (!foundNew) {
        return;
      }
    }
  }

  /**
   * Handles (start-time pinned) of the processes that belong to this command's session, this JVM
   * excluded. See the class comment for how a recycled process ID is told apart.
   */
  private List<ProcessHandle> sessionMembers() {
    long sessionId = process.pid();
    List<Long> pids = sessions.members(sessionId);
    long bound = process.isAlive() ? sessions.nowTicks().orElse(Long.MAX_VALUE) : exitTicks();
    List<ProcessHandle> early = new ArrayList<>();
    List<ProcessHandle> late = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    for (long pid : pids) {
      if (pid == self) {
        continue;
      }
      // Take the handle first (it pins the start time), then check again from /proc.
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      OptionalLong started = sessions.startTicksOf(pid);
      if (handle.isEmpty()
          || started.isEmpty()
          || !sessions.sessionOf(pid).equals(OptionalLong.of(sessionId))) {
        continue;
      }
      (started.getAsLong() <= bound ? early : late).add(handle.get());
    }
    List<ProcessHandle> members = new ArrayList<>(early);
    if (early.stream().anyMatch(ProcessHandle::isAlive)) {
      members.addAll(late);
    }
    return members;
  }

  /** The clock ticks just after the process exited (call only once it has). */
  private long exitTicks() {
    if (exitTicks.get() < 0) {
      exitTicks.compareAndSet(-1, sessions.nowTicks().orElse(Long.MAX_VALUE));
    }
    return exitTicks.get();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Empty while the command runs and for a command not started in a new session. A zombie (an
   * exited process not reaped yet) is not listed.
   */
  @Override
  public List<SessionProcess> leftovers() {
    if (!command.newSession() || process.isAlive()) {
      return List.of();
    }
    return sessionMembers().stream()
        .filter(this::stillRunning)
        .map(handle -> new SessionProcess(handle.pid(), sessions.commandOf(handle.pid())))
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * Kills the process tree if the process is still running, or, for a new-session command that
   * exited with a code other than 0, what is left of its session; a successful command's session is
   * left alone ({@link #leftovers()} lists it). Then closes the three streams.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (process.isAlive()) {
        killTree();
      } else if (command.newSession() && process.exitValue() != 0) {
        killTree();
      }
    } finally {
      closeQuietly(stdin);
      closeQuietly(process.getInputStream());
      closeQuietly(process.getErrorStream());
    }
  }

  private static void closeQuietly(Closeable stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // nothing useful to do: the process is gone or going
    }
  }

  @Override
  public String toString() {
    return "RunningCommand[pid=" + pid() + ", " + command + "]";
  }
}
