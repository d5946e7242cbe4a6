package dev.mgnagent.host.ssh.internal;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.RunningCommand;
import dev.mgnagent.host.SessionProcess;
import dev.mgnagent.host.ssh.SshException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.ChannelExec;

/**
 * A command running on the remote host over one exec channel; see {@link RemoteCommandRunner}.
 *
 * <p>Two pump threads read the channel: stdout's first line is the wrapper's marked process ID
 * (consumed), stderr is watched for the random sudo prompt (answered with the sudo password on
 * stdin, removed from what the caller reads) until the command has started. A dropped connection
 * ends both streams and makes {@link #waitFor} throw {@code CONNECTION_LOST}.
 */
final class RemoteRunningCommand implements RunningCommand {

  private static final List<String> SIGNALS =
      List.of(
          "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
          "PIPE", "ALRM", "TERM");

  private final RemoteCommandRunner runner;
  private final ChannelExec channel;
  private final Command command;
  private final String marker;
  private final String prompt;
  private final OutputStream channelIn;
  private final ByteQueueStream stdout = new ByteQueueStream();
  private final ByteQueueStream stderr = new ByteQueueStream();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch stdoutEnded = new CountDownLatch(1);
  private final CountDownLatch stderrEnded = new CountDownLatch(1);
  private final ByteArrayOutputStream earlyErr = new ByteArrayOutputStream();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean killed = new AtomicBoolean();
  private volatile long pid = -1;
  private final Object ended = new Object();
  private static final long MAX_WAIT = TimeUnit.DAYS.toMillis(365);
  private volatile int promptsSeen;

  private RemoteRunningCommand(
      RemoteCommandRunner runner,
      ChannelExec channel,
      Command command,
      String marker,
      String prompt) {
    this.runner = runner;
    this.channel = channel;
    this.command = command;
    this.marker = marker;
    this.prompt = prompt;
    this.channelIn = channel.getInvertedIn();
    channel.addChannelListener(
        new org.apache.sshd.common.channel.ChannelListener() {
          @Override
          public void channelStateChanged(
              org.apache.sshd.common.channel.Channel changed, String hint) {
            wake();
          }

          @Override
          public void channelClosed(
              org.apache.sshd.common.channel.Channel closed, Throwable reason) {
            wake();
          }
        });
  }

  private void wake() {
    synchronized (ended) {
      ended.notifyAll();
    }
  }

  static RemoteRunningCommand start(
      RemoteCommandRunner runner,
      ChannelExec channel,
      Command command,
      String marker,
      String prompt,
      Duration timeout)
      throws IOException {
    RemoteRunningCommand running =
        new RemoteRunningCommand(runner, channel, command, marker, prompt);
    running.pump(channel.getInvertedOut(), true);
    running.pump(channel.getInvertedErr(), false);
    try {
      boolean ok = running.awaitStart(timeout);
      if (!ok) {
        channel.close(true);
        throw new IOException(
            "cannot start "
                + command.argv().get(0)
                + " on "
                + runner.host()
                + ": no answer after "
                + timeout);
      }
    } catch (InterruptedException e) {
      channel.close(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting " + command.argv().get(0), e);
    }
    if (running.pid < 0) {
      // the wrapper never printed its marked line: sudo refused, or the program is missing
      try {
        running.stderrEnded.await(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String err;
      synchronized (running.earlyErr) {
        err = running.earlyErr.toString(StandardCharsets.UTF_8);
      }
      channel.close(true);
      Optional<SshException> refusal =
          runner.sudo().refusal(err, runner.host(), running.promptsSeen > 1);
      if (refusal.isPresent()) {
        throw refusal.get();
      }
      if (!runner.session().isOpen()) {
        throw runner.lost(null);
      }
      String why = lastLine(err);
      throw new IOException(
          why.startsWith("cannot start")
              ? why
              : "cannot start "
                  + command.argv().get(0)
                  + " on "
                  + runner.host()
                  + ": "
                  + (why.isEmpty() ? "the remote shell ended" : why));
    }
    return running;
  }

  private boolean awaitStart(Duration timeout) throws InterruptedException {
    // started, or stdout ended without the marked line
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (started.await(50, TimeUnit.MILLISECONDS)) {
        return true;
      }
      if (stdoutEnded.getCount() == 0) {
        return true;
      }
    }
    return false;
  }

  private void pump(InputStream in, boolean isStdout) {
    Thread thread =
        new Thread(
            () -> {
              try {
                if (isStdout) {
                  pumpStdout(in);
                } else {
                  pumpStderr(in);
                }
              } catch (IOException e) {
                // the channel closed: end of stream
              } finally {
                (isStdout ? stdout : stderr).finish();
                (isStdout ? stdoutEnded : stderrEnded).countDown();
              }
            },
            "ssh " + (isStdout ? "stdout" : "stderr") + " of " + command.argv().get(0));
    thread.setDaemon(true);
    thread.start();
  }

  private void pumpStdout(InputStream in) throws IOException {
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      first.write(b);
      if (first.size() > 4096) {
        break;
      }
    }
    String line = first.toString(StandardCharsets.UTF_8);
    if (line.startsWith(marker)) {
      try {
        pid = Long.parseLong(line.substring(marker.length()).strip());
      } catch (NumberFormatException e) {
        pid = 0;
      }
      started.countDown();
    } else {
      return; // no marked line: the wrapper did not run the program
    }
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      stdout.feed(buffer, 0, n);
    }
  }

  private void pumpStderr(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    byte[] promptBytes = prompt.getBytes(StandardCharsets.UTF_8);
    byte[] startLine = (marker + "\n").getBytes(StandardCharsets.UTF_8);
    for (int n; (n = in.read(buffer)) >= 0; ) {
      if (stderrStarted) {
        stderr.feed(buffer, 0, n);
        continue;
      }
      synchronized (earlyErr) {
        earlyErr.write(buffer, 0, n);
        byte[] all = earlyErr.toByteArray();
        int at = indexOf(all, promptBytes);
        if (at >= 0) {
          earlyErr.reset();
          earlyErr.write(all, 0, at);
          earlyErr.write(all, at + promptBytes.length, all.length - at - promptBytes.length);
          answerPrompt();
          all = earlyErr.toByteArray();
        }
        int start = indexOf(all, startLine);
        if (start >= 0) {
          // the program starts here: what came before is the remote shell's (start-up files,
          // sudo), dropped; what follows is passed on at once, a prompt waiting for its answer too
          earlyErr.reset();
          int from = start + startLine.length;
          if (from < all.length) {
            stderr.feed(all, from, all.length - from);
          }
          stderrStarted = true;
        }
      }
    }
    // no marked line on stderr: the program never started (sudo refused, no such program), and
    // what stderr said explains why; it goes on the stream only if stdout says it did start
    try {
      while (started.getCount() != 0 && stdoutEnded.getCount() != 0) {
        started.await(50, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (started.getCount() == 0 && pid >= 0) {
      flushEarlyErr();
    }
  }

  private volatile boolean stderrStarted;

  /** Passes on what stderr held back before the start; only once the command has started. */
  private void flushEarlyErr() {
    synchronized (earlyErr) {
      byte[] rest = earlyErr.toByteArray();
      earlyErr.reset();
      if (rest.length > 0) {
        stderr.feed(rest, 0, rest.length);
      }
      stderrStarted = true;
    }
  }

  /** Types the sudo password once; a second prompt means it was refused: stdin is closed. */
  private void answerPrompt() throws IOException {
    promptsSeen++;
    Optional<dev.mgnagent.Secret> password = runner.sudo().password();
    synchronized (channelIn) {
      if (promptsSeen == 1 && password.isPresent()) {
        channelIn.write((password.get().reveal() + "\n").getBytes(StandardCharsets.UTF_8));
        channelIn.flush();
      } else {
        channelIn.close(); // no second try: sudo ends with its refusal
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines.length == 0 ? "" : lines[lines.length - 1].strip();
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public OutputStream stdin() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        synchronized (channelIn) {
          channelIn.write(b, off, len);
          channelIn.flush();
        }
      }

      @Override
      public void close() throws IOException {
        synchronized (channelIn) {
          channelIn.close();
        }
      }
    };
  }

  @Override
  public InputStream stdout() {
    return stdout;
  }

  @Override
  public InputStream stderr() {
    return stderr;
  }

  /**
   * {@inheritDoc}
   *
   * @throws SshException {@code CONNECTION_LOST} when the connection dropped before the command
   *     reported its exit
   */
  @Override
  public OptionalInt waitFor(Duration timeout) throws InterruptedException {
    long millis;
    try {
      millis = Math.max(0, timeout.toMillis());
    } catch (ArithmeticException tooLong) {
      millis = Long.MAX_VALUE;
    }
    // MINA's own ClientChannel.waitFor swallows interrupts (a cancel must stop the wait), so the
    // wait is on a monitor that the channel's listener notifies; it re-checks every 200 ms too
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(millis, MAX_WAIT));
    synchronized (ended) {
      while (true) {
        OptionalInt code = exitCode();
        if (code.isPresent()) {
          return code;
        }
        if (channel.isClosing() || channel.isClosed() || !runner.session().isOpen()) {
          OptionalInt last = exitCode();
          if (last.isPresent()) {
            return last;
          }
          if (killed.get() || closed.get()) {
            return OptionalInt.of(137); // stopped by this side before its exit status came
          }
          throw runner.lost(null);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return OptionalInt.empty();
        }
        ended.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
      }
    }
  }

  private OptionalInt exitCode() {
    Integer status = channel.getExitStatus();
    if (status != null) {
      int code = status;
      // a wrapper ended by our own kill reports the signal number: show it as a local one would
      if (killed.get() && (code == 9 || code == 15)) {
        code += 128;
      }
      return OptionalInt.of(code);
    }
    String signal = channel.getExitSignal();
    if (signal != null) {
      int index = SIGNALS.indexOf(signal);
      return OptionalInt.of(128 + (index >= 0 ? index + 1 : 0));
    }
    return OptionalInt.empty();
  }

  @Override
  public boolean isAlive() {
    return channel.isOpen() && exitCode().isEmpty() && runner.session().isOpen();
  }

  /**
   * Sends {@code SIGTERM} to the remote session (a new-session command) or to the process and its
   * children, waits up to the grace period on the remote side, then sends {@code SIGKILL}; through
   * the same sudo as the command. Then closes the channel.
   */
  @Override
  public void killTree() {
    killed.set(true);
    // a cancel arrives as an interrupt: the remote kill must still run, so the flag is set aside
    boolean interrupted = Thread.interrupted();
    try {
      if (pid > 1 && runner.session().isOpen()) {
        runKill();
        awaitExitStatus(Duration.ofSeconds(5));
      }
    } finally {
      channel.close(false);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits a little for the exit status of a command just stopped, ignoring interrupts. */
  private void awaitExitStatus(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (ended) {
      while (exitCode().isEmpty() && channel.isOpen() && System.nanoTime() < deadline) {
        try {
          ended.wait(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void runKill() {
    runQuietly(
        RemoteProcessScripts.kill(pid, command.newSession(), runner.killGrace()),
        runner.killGrace().plusSeconds(30));
  }

  /** Runs a helper script as a plain command through this runner; its output is returned. */
  private String runQuietly(String script, Duration timeout) {
    try {
      Command helper =
          new Command(List.of("sh", "-c", script), Map.of("PATH", PATH), Optional.empty(), false);
      try (RunningCommand running = runner.start(helper)) {
        running.stdin().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader =
            new Thread(
                () -> {
                  try {
                    running.stdout().transferTo(out);
                  } catch (IOException e) {
                    // end
                  }
                });
        reader.setDaemon(true);
        reader.start();
        running.waitFor(timeout);
        reader.join(2000);
        synchronized (out) {
          return out.toString(StandardCharsets.UTF_8);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  @Override
  public List<SessionProcess> leftovers() {
    if (!command.newSession() || pid <= 1 || exitCode().isEmpty() || !runner.session().isOpen()) {
      return List.of();
    }
    return RemoteProcessScripts.sessionProcesses(
        runQuietly(RemoteProcessScripts.listSession(pid), Duration.ofSeconds(30)));
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      OptionalInt code = exitCode();
      if (killed.get()) {
        // already stopped: a second kill could only hit a session ID reused since
      } else if (code.isEmpty() && channel.isOpen()) {
        killTree();
      } else if (command.newSession() && code.isPresent() && code.getAsInt() != 0) {
        killTree();
      }
    } finally {
      channel.close(false);
      stdout.close();
      stderr.close();
    }
  }

  @Override
  public String toString() {
    return "RemoteRunningCommand[pid=" + pid + " on " + runner.host() + ", " + command + "]";
  }
}
