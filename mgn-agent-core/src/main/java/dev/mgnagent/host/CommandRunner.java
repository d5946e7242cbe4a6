package dev.mgnagent.host;

import java.io.IOException;

/**
 * Starts processes on a {@link Host}. Implementations must let the caller stream the process's
 * stdin, stdout and stderr as bytes arrive (prompts end without a newline), wait with a timeout,
 * and kill the whole process tree.
 */
public interface CommandRunner {

  /**
   * Starts {@code command}. The returned process is running; the caller must eventually wait for it
   * or {@linkplain RunningCommand#close() close} it.
   *
   * @throws IOException if the program cannot be started (not found, not executable)
   */
  RunningCommand start(Command command) throws IOException;
}
