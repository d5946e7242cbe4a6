package dev.mgnagent.host;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * A process started by a {@link CommandRunner}. Closing it kills the whole process tree if it is
 * still running (or, for a new-session command that failed, what is left of its session) and
 * releases its streams; a successful command's session is left alone.
 */
public interface RunningCommand extends AutoCloseable {

  /** The operating-system process ID. */
  long pid();

  /**
   * The process's standard input. Bytes written reach the process at once, without a {@code
   * flush()} (an answer to a prompt must not wait in a buffer). Close it to send end-of-file.
   */
  OutputStream stdin();

  /** The process's standard output, unbuffered by the runner: bytes arrive as they are written. */
  InputStream stdout();

  /** The process's standard error, unbuffered by the runner. */
  InputStream stderr();

  /**
   * Waits at most {@code timeout} for the process to exit.
   *
   * @return the exit code, or empty if the process is still running when the timeout elapses
   */
  OptionalInt waitFor(Duration timeout) throws InterruptedException;

  /** Whether the process itself is still running. */
  boolean isAlive();

  /**
   * Stops the process and every process it started that is still running: its descendants and, when
   * it was started in a new session, every process of that session (including those that were
   * re-parented after their parent exited). Asks them to end first ({@code SIGTERM} on a local
   * host) and forces those still running after a grace period; returns once the forced kill was
   * sent. Never signals a process that merely reuses the ID of one that exited.
   */
  void killTree();

  /**
   * The processes of this command's session still running after the command exited (a daemon it
   * started, a helper still finishing), so that callers can warn about them; they are not killed
   * after a successful command. Empty while the command runs and for a command not started in a new
   * session.
   */
  default List<SessionProcess> leftovers() {
    return List.of();
  }

  /**
   * Kills the process tree if it is still running, or, when the process was started in a new
   * session and exited with a code other than 0, whatever is left of that session; then closes the
   * streams. After exit code 0 the session's remaining processes are left running (see {@link
   * #leftovers()}).
   */
  @Override
  void close();
}
