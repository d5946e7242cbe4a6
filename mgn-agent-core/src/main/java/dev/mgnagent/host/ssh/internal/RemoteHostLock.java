package dev.mgnagent.host.ssh.internal;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.HostLock;
import dev.mgnagent.host.RunningCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@link HostLock} held by a long-running remote command: {@code flock -n} on the lock file, then
 * the holder's process ID written into it, then {@code cat} until its stdin closes. Closing the
 * lock (or losing the connection, which closes that stdin) ends the command and the kernel releases
 * the lock.
 */
final class RemoteHostLock implements HostLock {

  /** The wrapper's exit code when another process holds the lock. */
  private static final int BUSY = 75;

  private final String name;
  private final RunningCommand holder;
  private boolean closed;

  private RemoteHostLock(String name, RunningCommand holder) {
    this.name = name;
    this.holder = holder;
  }

  static Optional<HostLock> tryLock(
      RemoteCommandRunner runner, String name, String lockFile, Duration timeout) {
    String dir = lockFile.substring(0, Math.max(1, lockFile.lastIndexOf('/')));
    String script =
        "f="
            + Shell.quote(lockFile)
            + "; mkdir -p "
            + Shell.quote(dir)
            + " || exit 1; exec 9>>\"$f\" || exit 1; flock -n 9 || exit "
            + BUSY
            + "; echo $$ > \"$f\"; echo LOCKED; cat >/dev/null; : > \"$f\"";
    Command command =
        new Command(
            List.of("sh", "-c", script),
            Map.of("PATH", RemoteRunningCommand.PATH),
            Optional.empty(),
            false);
    RunningCommand running;
    try {
      running = runner.start(command);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot take the lock " + lockFile + " on " + runner.host(), e);
    }
    try {
      String first = firstLine(running.stdout());
      if (first.equals("LOCKED")) {
        return Optional.of(new RemoteHostLock(name, running));
      }
      OptionalInt code = running.waitFor(timeout);
      String err = new String(running.stderr().readNBytes(4096), StandardCharsets.UTF_8).strip();
      running.close();
      if (code.isPresent() && code.getAsInt() == BUSY) {
        return Optional.empty();
      }
      throw new UncheckedIOException(
          new IOException(
              "cannot take the lock "
                  + lockFile
                  + " on "
                  + runner.host()
                  + (err.isEmpty() ? "" : ": " + err)));
    } catch (IOException e) {
      running.close();
      throw new UncheckedIOException("cannot take the lock " + lockFile, e);
    } catch (InterruptedException e) {
      running.close();
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while taking the lock", e));
    }
  }

  private static String firstLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n' && line.size() < 256) {
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8).strip();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      holder.stdin().close(); // cat ends, the file is emptied, the lock released
      holder.waitFor(Duration.ofSeconds(10));
    } catch (IOException | RuntimeException e) {
      // the connection is gone: the remote side released the lock with it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      holder.close();
    }
  }

  @Override
  public String toString() {
    return "HostLock[" + name + "]";
  }
}
