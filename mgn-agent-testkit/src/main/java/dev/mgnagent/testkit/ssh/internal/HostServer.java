package dev.mgnagent.testkit.ssh.internal;

import dev.mgnagent.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The SSH server of one fake host: MINA's {@link SshServer} on an ephemeral loopback port with one
 * host key, public-key (and optionally password) authentication for one user, exec requests run by
 * {@link ExecCommand}, SFTP over the local file system at real absolute paths, and the host's
 * faults (authentication refused, the connection dropped at an exec request, a slow link).
 */
public final class HostServer implements AutoCloseable {

  /** What one fake host serves and how it misbehaves. */
  public record Settings(
      String user,
      KeyPair hostKey,
      PublicKey clientKey,
      Optional<Secret> password,
      boolean authRefused,
      OptionalInt dropAfterExecs,
      Optional<String> dropOnWord,
      Optional<Duration> slowLink,
      Map<String, String> environment,
      Path home) {}

  private final Settings settings;
  private final ExecListener listener;
  private final SharedServerIo sharedIo;
  private final AtomicInteger execRequests = new AtomicInteger();
  private SshServer server;
  private LatencyProxy proxy;

  public HostServer(Settings settings, ExecListener listener) {
    this(settings, listener, null);
  }

  /** A server whose I/O threads and timer are {@code sharedIo}'s (null: its own). */
  public HostServer(Settings settings, ExecListener listener, SharedServerIo sharedIo) {
    this.settings = settings;
    this.listener = listener;
    this.sharedIo = sharedIo;
  }

  /** Starts listening; closes what it opened when it cannot. */
  public void start() throws IOException {
    SshServer sshd = SshServer.setUpDefaultServer();
    if (sharedIo != null) {
      sharedIo.attach(sshd);
    }
    sshd.setHost("127.0.0.1");
    sshd.setPort(0);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(settings.hostKey()));
    sshd.setPublickeyAuthenticator(
        (user, key, session) ->
            !settings.authRefused()
                && user.equals(settings.user())
                && KeyUtils.compareKeys(key, settings.clientKey()));
    if (settings.password().isPresent()) {
      byte[] expected = settings.password().get().reveal().getBytes(StandardCharsets.UTF_8);
      sshd.setPasswordAuthenticator(
          (user, password, session) ->
              !settings.authRefused()
                  && user.equals(settings.user())
                  && MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8)));
    } else {
      sshd.setPasswordAuthenticator(null);
    }
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setHostBasedAuthenticator(null);
    sshd.setGSSAuthenticator(null);
    sshd.setCommandFactory(this::command);
    sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    sshd.setFileSystemFactory(new LocalFiles(settings.home()));
    server = sshd;
    try {
      sshd.start();
      if (settings.slowLink().isPresent()) {
        proxy = LatencyProxy.start(sshd.getPort(), settings.slowLink().get());
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The port clients connect to (the slow link's, when there is one). */
  public int port() {
    return proxy != null ? proxy.port() : server.getPort();
  }

  /** How many exec requests arrived, dropped ones included. */
  public int execRequests() {
    return execRequests.get();
  }

  private Command command(ChannelSession channel, String command) {
    int n = execRequests.incrementAndGet();
    boolean drop =
        (settings.dropAfterExecs().isPresent() && n > settings.dropAfterExecs().getAsInt())
            || (settings.dropOnWord().isPresent() && command.contains(settings.dropOnWord().get()));
    if (drop) {
      // abruptly: the TCP connection closes with no SSH disconnect message
      channel.getSession().getIoSession().close(true);
      return new Dropped();
    }
    return new ExecCommand(command, settings.environment(), settings.home(), listener);
  }

  @Override
  public void close() {
    if (proxy != null) {
      proxy.close();
    }
    if (server != null) {
      try {
        server.stop(true);
      } catch (IOException e) {
        // stopping anyway
      }
    }
  }

  /** The local file system; a session's home (SFTP's starting directory) is the host's home. */
  private static final class LocalFiles implements FileSystemFactory {
    private final Path home;

    LocalFiles(Path home) {
      this.home = home;
    }

    @Override
    public Path getUserHomeDir(SessionContext session) {
      return home;
    }

    @Override
    public FileSystem createFileSystem(SessionContext session) {
      return FileSystems.getDefault();
    }
  }

  /** The command of a dropped connection: it never runs and never exits. */
  private static final class Dropped implements Command {
    @Override
    public void setExitCallback(ExitCallback callback) {}

    @Override
    public void setInputStream(java.io.InputStream in) {}

    @Override
    public void setOutputStream(java.io.OutputStream out) {}

    @Override
    public void setErrorStream(java.io.OutputStream err) {}

    @Override
    public void start(ChannelSession channel, Environment env) {}

    @Override
    public void destroy(ChannelSession channel) {}
  }
}
