package dev.mgnagent.testkit.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One exec request run as a real local process, as sshd runs it: {@code bash -c <command>} in a new
 * session (no controlling terminal, even when the client asked for a pty), with the host's login
 * environment, stdin, stdout and stderr piped to the channel, and the exit status sent back. The
 * command line is never interpreted here.
 */
final class ExecCommand implements Command {

  private final String command;
  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final ExecListener listener;
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private volatile Process process;

  ExecCommand(
      String command,
      Map<String, String> environment,
      Path workingDirectory,
      ExecListener listener) {
    this.command = command;
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory;
    this.listener = listener;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    Map<String, String> variables = new LinkedHashMap<>(environment);
    // like OpenSSH's AcceptEnv LANG LC_*: only locale variables from the client
    env.getEnv()
        .forEach(
            (name, value) -> {
              if (name.equals("LANG") || name.startsWith("LC_")) {
                variables.put(name, value);
              }
            });
    ProcessBuilder builder = new ProcessBuilder(Sessions.argv(command));
    builder.directory(workingDirectory.toFile());
    builder.environment().clear();
    builder.environment().putAll(variables);
    Process p;
    try {
      p = builder.start();
    } catch (IOException e) {
      err.write(("bash: cannot start: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
      err.flush();
      exit.onExit(127);
      return;
    }
    process = p;
    listener.started(command, p);
    Thread stdin = pump("stdin", in, p.getOutputStream(), true);
    Thread stdout = pump("stdout", p.getInputStream(), out, false);
    Thread stderr = pump("stderr", p.getErrorStream(), err, false);
    Thread waiter =
        new Thread(
            () -> {
              int status;
              try {
                status = p.waitFor();
                stdout.join();
                stderr.join();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 255;
              }
              stdin.interrupt();
              listener.exited(p, status);
              exit.onExit(status);
            },
            "fake-ssh-exec-wait");
    waiter.setDaemon(true);
    waiter.start();
  }

  private static Thread pump(String name, InputStream from, OutputStream to, boolean toProcess) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                  if (n > 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                  }
                }
              } catch (IOException e) {
                // the process or the channel went away: nothing more to copy
              } finally {
                // stdin: the end reaches the process; stdout and stderr: once the channel is gone,
                // the process's next write fails with SIGPIPE, as with sshd's closed pipe
                closeQuietly(toProcess ? to : from);
              }
            },
            "fake-ssh-exec-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * The channel closed (or the connection dropped): like sshd without a terminal, this closes the
   * process's pipes and sends no signal; a command that keeps running is stopped by whoever started
   * it (for example by killing its session) or by {@code FakeSshFleet.close()}.
   */
  @Override
  public void destroy(ChannelSession channel) {
    Process p = process;
    if (p != null) {
      closeQuietly(p.getOutputStream());
      closeQuietly(p.getInputStream());
      closeQuietly(p.getErrorStream());
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
