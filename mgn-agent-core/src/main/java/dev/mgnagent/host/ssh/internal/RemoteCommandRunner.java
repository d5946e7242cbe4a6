package dev.mgnagent.host.ssh.internal;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.RunningCommand;
import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs commands on the remote host over SSH exec channels, without a terminal, so stdin, stdout and
 * stderr stay separate.
 *
 * <p>Each command becomes one remote shell line (no secret is ever part of it: secrets go to
 * stdin): an optional sudo prefix ({@code sudo -n --}, or {@code sudo -S -p <random prompt> --}
 * whose prompt is answered on stdin and removed from stderr), then {@code sh -c} running a small
 * wrapper that changes to the working directory, starts a new session with the {@code setsid}
 * program when asked, prints a marked line with its own process ID on stdout, and {@code exec}s
 * {@code env -i NAME=value... program args...}. The marked line is consumed here: it gives {@link
 * RunningCommand#pid()}, which is also the remote session ID for a new-session command, so that
 * {@link RunningCommand#killTree()} can signal the session ({@code pkill -s}, through the same
 * sudo).
 */
public final class RemoteCommandRunner implements CommandRunner {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ClientSession session;
  private final String host;
  private final Sudo sudo;
  private final Duration startTimeout;
  private final Duration killGrace;

  RemoteCommandRunner(
      ClientSession session, String host, Sudo sudo, Duration startTimeout, Duration killGrace) {
    this.session = session;
    this.host = host;
    this.sudo = sudo;
    this.startTimeout = startTimeout;
    this.killGrace = killGrace;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException when the program or working directory does not exist on the host
   * @throws SshException when sudo refuses ({@code SUDO_*}) or the connection is gone ({@code
   *     CONNECTION_LOST})
   */
  @Override
  public RunningCommand start(Command command) throws IOException {
    Objects.requireNonNull(command, "command");
    String marker = newMarker();
    String prompt = Sudo.newPrompt();
    String line = commandLine(command, marker, prompt, sudo);
    ChannelExec channel = open(line);
    return RemoteRunningCommand.start(this, channel, command, marker, prompt, startTimeout);
  }

  ChannelExec open(String line) {
    if (!session.isOpen()) {
      throw lost(null);
    }
    try {
      ChannelExec channel = session.createExecChannel(line);
      channel.setUsePty(false);
      channel.open().verify(startTimeout);
      return channel;
    } catch (IOException | RuntimeException e) {
      if (e instanceof SshException) {
        throw (SshException) e;
      }
      throw lost(e);
    }
  }

  SshException lost(Throwable cause) {
    return new SshException(
        SshFailure.CONNECTION_LOST,
        "the SSH connection to " + host + " was lost",
        "check the network path to the host and run again",
        cause);
  }

  String host() {
    return host;
  }

  Sudo sudo() {
    return sudo;
  }

  Duration killGrace() {
    return killGrace;
  }

  ClientSession session() {
    return session;
  }

  private static String newMarker() {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    return "mgn-agent-pid:" + HexFormat.of().formatHex(nonce) + ":";
  }

  /** The remote shell line for {@code command}; see the class comment. */
  static String commandLine(Command command, String marker, String prompt, Sudo sudo) {
    StringBuilder inner = new StringBuilder();
    if (command.workingDirectory().isPresent()) {
      String dir = command.workingDirectory().get().toString();
      inner
          .append("cd ")
          .append(Shell.quote(dir))
          .append(" 2>/dev/null || { echo ")
          .append(Shell.quote("cannot start: the working directory " + dir + " does not exist"))
          .append(" >&2; exit 126; }; ");
    }
    String program = command.argv().get(0);
    if (program.contains("/")) {
      inner
          .append("[ -f ")
          .append(Shell.quote(program))
          .append(" ] && [ -x ")
          .append(Shell.quote(program))
          .append(" ] || { echo ")
          .append(Shell.quote("cannot start " + program + ": no such executable file"))
          .append(" >&2; exit 127; }; ");
    }
    // the marker on stderr too: what stderr carried before it (the remote user's shell start-up
    // files, for one) is not the program's
    inner
        .append("echo ")
        .append(Shell.quote(marker))
        .append(" >&2; echo ")
        .append(Shell.quote(marker))
        .append("$$; exec env -i");
    for (Map.Entry<String, String> variable :
        new java.util.TreeMap<>(command.environment()).entrySet()) {
      checkVariable(variable.getKey(), variable.getValue());
      inner.append(' ').append(Shell.quote(variable.getKey() + "=" + variable.getValue()));
    }
    inner.append(' ').append(Shell.join(command.argv()));
    String script;
    if (command.newSession()) {
      // setsid is not a process group leader here (sh forked it), so it does not fork again:
      // the wrapper becomes the session leader, and sh reports its exit code (128+n on signal n)
      script = "setsid sh -c " + Shell.quote(inner.toString()) + "; exit $?";
    } else {
      script = inner.toString();
    }
    List<String> words = new ArrayList<>(sudo.prefix(prompt));
    words.add("sh");
    words.add("-c");
    words.add(script);
    return Shell.join(words);
  }

  private static void checkVariable(String name, String value) {
    if (name.isEmpty()
        || name.indexOf('=') >= 0
        || name.indexOf('\0') >= 0
        || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "an environment variable name is empty or holds '=' or NUL, or its value holds NUL");
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
