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
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.future.CancelOption;
import org.apache.sshd.common.session.helpers.TimeoutIndicator;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * One authenticated SSH session and what {@code SshHost} builds on it: the SFTP file system, the
 * login environment (read once), the command runner and the locks. With a jump host, a second
 * session to the jump host carries the connection and lives exactly as long as this one.
 */
public final class SshConnection implements AutoCloseable {

  /** Which host-key verifier a session uses: set in the connection context of each connect. */
  private static final AttributeRepository.AttributeKey<KnownHostsVerifier> VERIFIER =
      new AttributeRepository.AttributeKey<>();

  /**
   * The client-wide verifier of a shared client: hands each session's key to the {@link
   * KnownHostsVerifier} of the host that session was opened for, and refuses a session without one.
   */
  public static final ServerKeyVerifier SESSION_VERIFIER =
      (session, address, key) -> {
        AttributeRepository context = session.getConnectionContext();
        KnownHostsVerifier verifier = context == null ? null : context.getAttribute(VERIFIER);
        return verifier != null && verifier.verifyServerKey(session, address, key);
      };

  private final SshTarget target;
  private final Optional<SshClient> ownedClient;
  private final ClientSession session;
  private final Optional<ClientSession> jumpSession;
  private final FileSystem sftp;
  private final Path root;
  private final Map<String, String> environment;
  private final RemoteCommandRunner runner;
  private final Duration timeout;

  private SshConnection(
      SshTarget target,
      Optional<SshClient> ownedClient,
      Sessions sessions,
      FileSystem sftp,
      Path root,
      Map<String, String> environment,
      RemoteCommandRunner runner,
      Duration timeout) {
    this.target = target;
    this.ownedClient = ownedClient;
    this.session = sessions.target;
    this.jumpSession = Optional.ofNullable(sessions.jump);
    this.sftp = sftp;
    this.root = root;
    this.environment = environment;
    this.runner = runner;
    this.timeout = timeout;
  }

  /** The sessions opened so far, closed together when opening fails. */
  private static final class Sessions {
    ClientSession jump;
    ClientSession target;

    void closeQuietly() {
      for (ClientSession s : new ClientSession[] {target, jump}) {
        if (s != null) {
          try {
            s.close(true);
          } catch (RuntimeException e) {
            // closing anyway
          }
        }
      }
    }
  }

  /**
   * Connects (through the jump host of {@code options}, if any) with {@code client}, verifies the
   * host keys, authenticates, opens SFTP and reads the login environment. When {@code ownsClient},
   * the client is stopped with this connection (or at once if opening fails). An interrupt of the
   * calling thread while it waits closes the pending sessions and fails the connect.
   *
   * @throws SshException typed by what failed
   */
  public static SshConnection open(
      SshClient client, boolean ownsClient, SshTarget target, SshOptions options) {
    Identities identities;
    try {
      identities = Identities.load(options.identities(), options.passphrases());
    } catch (RuntimeException e) {
      stopIf(ownsClient, client);
      throw e;
    }
    Sessions sessions = new Sessions();
    try {
      ClientSession session;
      if (options.jump().isPresent()) {
        SshTarget jump = options.jump().get();
        KnownHostsVerifier jumpVerifier =
            new KnownHostsVerifier(options.knownHosts(), jump, options.acceptNewHostKeys());
        sessions.jump =
            connect(
                client, jump, jump.host(), jump.port(), options, jumpVerifier, Optional.empty());
        login(sessions.jump, jump, options, jumpVerifier, identities, Optional.empty());
        SshdSocketAddress bound;
        try {
          ExplicitPortForwardingTracker tracker =
              sessions.jump.createLocalPortForwardingTracker(
                  new SshdSocketAddress("127.0.0.1", 0),
                  new SshdSocketAddress(target.host(), target.port()));
          bound = tracker.getBoundAddress();
        } catch (IOException | RuntimeException e) {
          throw new SshException(
              SshFailure.UNREACHABLE,
              "cannot forward a connection through the jump host " + jump + ": " + e.getMessage(),
              "check that the jump host allows TCP forwarding (AllowTcpForwarding)",
              e);
        }
        KnownHostsVerifier verifier =
            new KnownHostsVerifier(options.knownHosts(), target, options.acceptNewHostKeys());
        session =
            connect(
                client,
                target,
                bound.getHostName(),
                bound.getPort(),
                options,
                verifier,
                Optional.of(jump));
        sessions.target = session;
        login(session, target, options, verifier, identities, Optional.of(jump));
      } else {
        KnownHostsVerifier verifier =
            new KnownHostsVerifier(options.knownHosts(), target, options.acceptNewHostKeys());
        session =
            connect(
                client, target, target.host(), target.port(), options, verifier, Optional.empty());
        sessions.target = session;
        login(session, target, options, verifier, identities, Optional.empty());
      }
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
      if (sessions.jump != null) {
        ClientSession jumpSession = sessions.jump;
        // the jump session carries this one: each ends the other
        jumpSession.addCloseFutureListener(f -> session.close(true));
        session.addCloseFutureListener(f -> jumpSession.close(true));
      }
      return new SshConnection(
          target,
          ownsClient ? Optional.of(client) : Optional.empty(),
          sessions,
          sftp,
          root,
          environment,
          runner,
          options.connectTimeout());
    } catch (IOException e) {
      sessions.closeQuietly();
      stopIf(ownsClient, client);
      throw new SshException(
          SshFailure.CONNECTION_LOST,
          "the SSH connection to " + target + " failed: " + e.getMessage(),
          "check the host and run again",
          e);
    } catch (RuntimeException e) {
      sessions.closeQuietly();
      stopIf(ownsClient, client);
      throw e;
    }
  }

  private static void stopIf(boolean owns, SshClient client) {
    if (owns) {
      client.stop();
    }
  }

  private static String via(Optional<SshTarget> jump) {
    return jump.map(j -> " through the jump host " + j).orElse("");
  }

  private static ClientSession connect(
      SshClient client,
      SshTarget target,
      String host,
      int port,
      SshOptions options,
      KnownHostsVerifier verifier,
      Optional<SshTarget> jump) {
    ConnectFuture pending = null;
    try {
      pending =
          client.connect(
              target.user(),
              host,
              port,
              AttributeRepository.ofKeyValuePair(VERIFIER, verifier),
              null);
      ClientSession session =
          pending.verify(options.connectTimeout(), CancelOption.NO_CANCELLATION).getSession();
      CoreModuleProperties.AUTH_TIMEOUT.set(session, options.connectTimeout());
      return session;
    } catch (IOException | RuntimeException e) {
      if (pending != null) {
        closeWhenConnected(pending);
      }
      if (verifier.failure().isPresent()) {
        throw verifier.failure().get();
      }
      throw new SshException(
          SshFailure.UNREACHABLE,
          "cannot reach " + target.host() + " port " + target.port() + via(jump) + ": " + reason(e),
          "check the address, the port and that sshd runs there",
          e);
    }
  }

  /**
   * A connect given up on (interrupted by a cancel, or out of time) is left to finish, and its
   * session closed then. Cancelling it instead can leave a connected socket that no session owns:
   * MINA drops the completion of a connect cancelled just after the TCP handshake, and the peer
   * keeps that connection until the client stops.
   */
  private static void closeWhenConnected(ConnectFuture pending) {
    pending.addListener(
        f -> {
          if (f.isConnected()) {
            f.getSession().close(true);
          }
        });
  }

  private static void login(
      ClientSession session,
      SshTarget target,
      SshOptions options,
      KnownHostsVerifier verifier,
      Identities identities,
      Optional<SshTarget> jump) {
    for (Identities.Loaded key : identities.loaded()) {
      session.addPublicKeyIdentity(key.pair());
    }
    if (options.password().isPresent()) {
      session.addPasswordIdentity(options.password().get().reveal());
    }
    AuthFuture auth = null;
    try {
      auth = session.auth();
      auth.verify(options.connectTimeout());
    } catch (IOException | RuntimeException e) {
      if (verifier.failure().isPresent()) {
        throw verifier.failure().get();
      }
      boolean interrupted = Thread.currentThread().isInterrupted() || isInterrupt(e);
      // the login ran out of time before the server answered it (a host, or this side, too busy to
      // finish the key exchange and authentication within the connect timeout): either the wait
      // here ended, or MINA's own authentication timeout closed the session ("Session is being
      // closed"). The server refused nothing: no answer, never AUTH_REFUSED
      boolean unanswered =
          (auth != null && !auth.isDone())
              || session.getTimeoutStatus().getStatus() != TimeoutIndicator.TimeoutStatus.NoTimeout;
      if (interrupted
          || unanswered
          || (!session.isOpen() && !session.isAuthenticated() && isTimeout(e))
          || !verifier.keyOffered()) {
        throw new SshException(
            SshFailure.UNREACHABLE,
            (interrupted
                ? "connecting to " + target + via(jump) + " was interrupted"
                : unanswered
                    ? "no answer from "
                        + target
                        + via(jump)
                        + " while logging in: timed out after "
                        + options.connectTimeout().toSeconds()
                        + " s"
                    : "no answer from " + target + via(jump) + " while connecting: " + reason(e)),
            interrupted ? "" : "check that the host is up and not overloaded",
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

  private static boolean isInterrupt(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTimeout(Throwable e) {
    String text = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return text.contains("timeout") || text.contains("timed out");
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException
          || t instanceof java.nio.channels.UnresolvedAddressException) {
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
    try {
      session.close(true);
      jumpSession.ifPresent(j -> j.close(true));
    } finally {
      ownedClient.ifPresent(SshClient::stop);
    }
  }
}
