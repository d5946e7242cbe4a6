package dev.mgnagent.host.ssh.internal;

import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.HostLock;
import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshFailure;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * One authenticated SSH session and what {@code SshHost} builds on it: the SFTP file system, the
 * login environment (read once), the command runner and the locks.
 */
public final class SshConnection implements AutoCloseable {

  /** Keep-alive: a request every 5 s; 4 unanswered ones end the session (a dropped link). */
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);

  private static final int HEARTBEAT_MISSES = 4;

  private final SshTarget target;
  private final SshClient client;
  private final ClientSession session;
  private final FileSystem sftp;
  private final Path root;
  private final Map<String, String> environment;
  private final RemoteCommandRunner runner;
  private final Duration timeout;

  private SshConnection(
      SshTarget target,
      SshClient client,
      ClientSession session,
      FileSystem sftp,
      Path root,
      Map<String, String> environment,
      RemoteCommandRunner runner,
      Duration timeout) {
    this.target = target;
    this.client = client;
    this.session = session;
    this.sftp = sftp;
    this.root = root;
    this.environment = environment;
    this.runner = runner;
    this.timeout = timeout;
  }

  /**
   * Connects, verifies the host key, authenticates, opens SFTP and reads the login environment.
   *
   * @throws SshException typed by what failed
   */
  public static SshConnection open(SshTarget target, SshOptions options) {
    KnownHostsVerifier verifier =
        new KnownHostsVerifier(options.knownHosts(), target, options.acceptNewHostKeys());
    Identities identities = Identities.load(options.identities(), options.passphrases());
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(verifier);
    // nothing is read from ~/.ssh behind the caller's back: no config file, no default keys
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
    CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, HEARTBEAT);
    CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, HEARTBEAT_MISSES);
    CoreModuleProperties.AUTH_TIMEOUT.set(client, options.connectTimeout());
    client.start();
    ClientSession session = null;
    try {
      session = connect(client, target, options, verifier);
      for (Identities.Loaded key : identities.loaded()) {
        session.addPublicKeyIdentity(key.pair());
      }
      if (options.password().isPresent()) {
        session.addPasswordIdentity(options.password().get().reveal());
      }
      authenticate(session, target, options, verifier, identities);
      FileSystem sftp = SftpClientFactory.instance().createSftpFileSystem(session);
      Path root = sftp.getPath(options.remoteRoot().orElse("/"));
      Duration start = options.connectTimeout().multipliedBy(2).plusSeconds(15);
      RemoteCommandRunner runner =
          new RemoteCommandRunner(
              session,
              target.toString(),
              new Sudo(options.sudo(), options.sudoPassword()),
              start,
              options.killGrace());
      Map<String, String> environment = readEnvironment(session, target, start);
      return new SshConnection(
          target, client, session, sftp, root, environment, runner, options.connectTimeout());
    } catch (IOException e) {
      closeQuietly(session, client);
      throw new SshException(
          SshFailure.CONNECTION_LOST,
          "the SSH connection to " + target + " failed: " + e.getMessage(),
          "check the host and run again",
          e);
    } catch (RuntimeException e) {
      closeQuietly(session, client);
      throw e;
    }
  }

  private static ClientSession connect(
      SshClient client, SshTarget target, SshOptions options, KnownHostsVerifier verifier) {
    try {
      return client
          .connect(target.user(), target.host(), target.port())
          .verify(options.connectTimeout())
          .getSession();
    } catch (IOException | RuntimeException e) {
      if (verifier.failure().isPresent()) {
        throw verifier.failure().get();
      }
      throw new SshException(
          SshFailure.UNREACHABLE,
          "cannot reach " + target.host() + " port " + target.port() + ": " + reason(e),
          "check the address, the port and that sshd runs there",
          e);
    }
  }

  private static void authenticate(
      ClientSession session,
      SshTarget target,
      SshOptions options,
      KnownHostsVerifier verifier,
      Identities identities) {
    try {
      session.auth().verify(options.connectTimeout());
    } catch (IOException | RuntimeException e) {
      if (verifier.failure().isPresent()) {
        throw verifier.failure().get();
      }
      if (!session.isOpen() && !session.isAuthenticated() && isTimeout(e)) {
        throw new SshException(
            SshFailure.UNREACHABLE,
            "no answer from " + target + " while authenticating: " + reason(e),
            "check that the host is up and not overloaded",
            e);
      }
      throw new SshException(
          SshFailure.AUTH_REFUSED,
          target
              + " refused the login; tried: "
              + identities.describe(options.password().isPresent()),
          "give a key the host accepts for "
              + target.user()
              + " (its public key in"
              + " ~/.ssh/authorized_keys there)",
          e);
    }
    if (verifier.failure().isPresent()) {
      throw verifier.failure().get();
    }
  }

  private static boolean isTimeout(Throwable e) {
    String text = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return text.contains("timeout") || text.contains("timed out");
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "unknown host name";
      }
      if (t instanceof ConnectException) {
        return "connection refused";
      }
    }
    return isTimeout(e) ? "timed out" : String.valueOf(e.getMessage());
  }

  /** The login environment: {@code env -0} run as the login user (never through sudo). */
  private static Map<String, String> readEnvironment(
      ClientSession session, SshTarget target, Duration timeout) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ChannelExec channel = session.createExecChannel("env -0")) {
      channel.setOut(out);
      channel.setErr(new ByteArrayOutputStream());
      channel.open().verify(timeout);
      channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
    }
    Map<String, String> environment = new LinkedHashMap<>();
    for (String entry : out.toString(StandardCharsets.UTF_8).split("\0")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        environment.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    if (environment.isEmpty()) {
      throw new IOException("cannot read the login environment of " + target + " (env -0)");
    }
    return Map.copyOf(environment);
  }

  public Path root() {
    return root;
  }

  public Map<String, String> environment() {
    return environment;
  }

  public CommandRunner commandRunner() {
    return runner;
  }

  /** The lock file of {@code name} under the root, as the remote side names it. */
  private String lockFile(String name) {
    return dev.mgnagent.host.internal.FileHostLock.file(root, name).toString();
  }

  public Optional<HostLock> tryLock(String name) {
    return RemoteHostLock.tryLock(runner, name, lockFile(name), timeout.plusSeconds(15));
  }

  public OptionalLong lockHolder(String name) {
    try {
      byte[] bytes = Files.readAllBytes(dev.mgnagent.host.internal.FileHostLock.file(root, name));
      if (bytes.length > 32) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(Long.parseLong(new String(bytes, StandardCharsets.US_ASCII).strip()));
    } catch (IOException | NumberFormatException | UncheckedIOException e) {
      return OptionalLong.empty();
    }
  }

  /** Whether the session is still open. */
  public boolean isOpen() {
    return session.isOpen();
  }

  public SshTarget target() {
    return target;
  }

  @Override
  public void close() {
    try {
      sftp.close();
    } catch (IOException | RuntimeException e) {
      // closing the session below ends it anyway
    }
    closeQuietly(session, client);
  }

  private static void closeQuietly(ClientSession session, SshClient client) {
    try {
      if (session != null) {
        session.close(true);
      }
    } finally {
      client.stop();
    }
  }
}
