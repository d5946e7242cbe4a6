package dev.mgnagent.host.internal;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.RunningCommand;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A process of this machine, started by {@link LocalCommandRunner}.
 *
 * <p>{@link #killTree()} sends {@code SIGKILL} ({@link ProcessHandle#destroyForcibly()}): the
 * processes get no chance to clean up, which is what is wanted for an installer that has to be
 * stopped. A process killed this way exits with code 137 (128 + 9).
 */
final class LocalRunningCommand implements RunningCommand {

  /** New processes may be forked between a scan and the kills; rescan a bounded number of times. */
  private static final int MAX_SESSION_SCANS = 4;

  private final Process process;
  private final Command command;
  private final SessionScanner sessions;
  private final OutputStream stdin;
  private final AtomicBoolean closed = new AtomicBoolean();

  LocalRunningCommand(Process process, Command command, SessionScanner sessions) {
    this.process = process;
    this.command = command;
    this.sessions = sessions;
    this.stdin = new AutoFlushOutputStream(process.getOutputStream());
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
   * Sends {@code SIGKILL} to the process, to its descendants as they were just before, and, for a
   * command started in a new session, to every process of that session: those include the
   * processes re-parented to init after their parent exited, which are no longer descendants.
   * Returns without waiting for them to die.
   *
   * @throws java.io.UncheckedIOException if the session's processes cannot be listed from {@code
   *     /proc}; the process and its descendants have been killed by then
   */
  @Override
  public void killTree() {
    // Snapshot first: once the process is dead its children are re-parented and out of reach.
    List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    if (command.newSession()) {
      killSession(process.pid());
    }
  }

  private void killSession(long sessionId) {
    Set<Long> signalled = new HashSet<>();
    for (int scan = 0; scan < MAX_SESSION_SCANS; scan++) {
      boolean foundNew = false;
      for (long pid : sessions.members(sessionId)) {
        if (signalled.add(pid)) {
          foundNew = true;
          killIfStillInSession(pid, sessionId);
        }
      }
      if (!foundNew) {
        return;
      }
    }
  }

  private void killIfStillInSession(long pid, long sessionId) {
    if (pid == ProcessHandle.current().pid()) {
      return;
    }
    // Take the handle (it pins the process's start time), then check the session again, so that a
    // process ID reused since the scan is never killed.
    ProcessHandle.of(pid)
        .filter(handle -> sessions.sessionOf(pid).equals(OptionalLong.of(sessionId)))
        .ifPresent(ProcessHandle::destroyForcibly);
  }

  /**
   * Kills the process tree if the process is still running (for a new-session command, always: its
   * re-parented session members may outlive it), then closes its three streams.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (process.isAlive() || command.newSession()) {
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
