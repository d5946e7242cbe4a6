package dev.mgnagent.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a short command ended, for commands whose output is read whole (probes such as {@code id -u},
 * {@code sudo -n true}, {@code lsattr}). {@link #run} enforces the timeout whatever the command
 * does: both streams are read on their own threads, and a command still running at the deadline is
 * stopped ({@link RunningCommand#killTree()}) and reported as timed out.
 *
 * @param exitCode the exit code; empty when the command did not end in time and was stopped
 * @param stdout standard output (at most {@link #MAX_OUTPUT} bytes kept, decoded as UTF-8)
 * @param stderr standard error (as stdout)
 */
public record CommandResult(OptionalInt exitCode, String stdout, String stderr) {

  /** Bytes of each stream kept; the rest is read and dropped. */
  public static final int MAX_OUTPUT = 1 << 20;

  /** How long the output is still awaited after the command exited or was stopped. */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  public CommandResult {
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** Whether the command did not end within the timeout (and was stopped). */
  public boolean timedOut() {
    return exitCode.isEmpty();
  }

  /**
   * Starts {@code command} with an empty standard input, waits at most {@code timeout} for it to
   * end, and returns what it printed.
   *
   * @throws IOException if it cannot be started
   * @throws InterruptedException if interrupted while waiting; the command has been stopped
   */
  public static CommandResult run(CommandRunner runner, Command command, Duration timeout)
      throws IOException, InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    try (RunningCommand running = runner.start(command)) {
      running.stdin().close();
      Drain out = new Drain(running.stdout(), "stdout of " + command.argv().get(0));
      Drain err = new Drain(running.stderr(), "stderr of " + command.argv().get(0));
      OptionalInt code;
      try {
        code = running.waitFor(timeout);
      } catch (InterruptedException e) {
        running.killTree();
        throw e;
      }
      if (code.isEmpty()) {
        running.killTree();
      }
      out.join(DRAIN.toMillis());
      err.join(DRAIN.toMillis());
      return new CommandResult(code, out.text(), err.text());
    }
  }

  /** Reads a stream to its end on a daemon thread, keeping the first {@link #MAX_OUTPUT} bytes. */
  private static final class Drain extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    Drain(InputStream in, String name) {
      super(name);
      this.in = in;
      setDaemon(true);
      start();
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          synchronized (kept) {
            kept.write(buffer, 0, Math.max(0, Math.min(n, MAX_OUTPUT - kept.size())));
          }
        }
      } catch (IOException e) {
        // the stream was closed: keep what was read
      }
    }

    String text() {
      synchronized (kept) {
        return kept.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
