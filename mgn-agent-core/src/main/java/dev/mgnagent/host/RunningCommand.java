package dev.mgnagent.host;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * A process started by a {@link CommandRunner}. Closing it kills the whole process tree if it is
 * still running and releases its streams.
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
   * Kills the process and every process it started that is still running: its descendants and,
   * when it was started in a new session, every process of that session (including those that
   * were re-parented after their parent exited). Returns without waiting for them to die.
   */
  void killTree();

  /**
   * Kills the process tree if it is still running (for a command started in a new session, also
   * whatever is left of the session after the process exited) and closes the streams.
   */
  @Override
  void close();
}
