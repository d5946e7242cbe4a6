package dev.mgnagent.host.ssh;

import dev.mgnagent.host.ssh.internal.SshConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The SSH client machinery (threads, sockets, the I/O service) that many {@link SshHost}s share: a
 * fleet opens one transport, connects every host through it, and closes it once after the hosts.
 * Whoever calls {@link #open()} owns the transport and closes it; closing it ends every session
 * still open on it. An {@link SshHost} connected without a transport owns a private one.
 *
 * <pre>{@code
 * try (SshTransport ssh = SshTransport.open()) {
 *   try (SshHost web = SshHost.connect(ssh, SshTarget.parse("ec2-user@10.0.0.12"), options);
 *       SshHost db = SshHost.connect(ssh, SshTarget.parse("ec2-user@10.0.0.13"), options)) {
 *     // ...
 *   }
 * }
 * }</pre>
 *
 * <p>Host keys are checked per connection, each against its own host's name (see {@link
 * SshOptions.Builder#acceptNewHostKeys}); nothing is read from {@code ~/.ssh} behind the caller's
 * back (no {@code ssh_config}, no default keys). Thread-safe.
 */
public final class SshTransport implements AutoCloseable {

  /** Keep-alive: a request every 5 s; 4 unanswered ones end the session (a dropped link). */
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);

  private static final int HEARTBEAT_MISSES = 4;

  private final SshClient client;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SshTransport(SshClient client) {
    this.client = client;
  }

  /** Starts a transport; the caller closes it. */
  public static SshTransport open() {
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(SshConnection.SESSION_VERIFIER);
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
    CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, HEARTBEAT);
    CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, HEARTBEAT_MISSES);
    client.start();
    return new SshTransport(client);
  }

  /**
   * The MINA client; for this package's connections only.
   *
   * @throws IllegalStateException once closed
   */
  SshClient client() {
    if (closed.get()) {
      throw new IllegalStateException("this SSH transport is closed");
    }
    return client;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Ends every session still open on this transport and stops its threads. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.stop();
    }
  }

  @Override
  public String toString() {
    return "SshTransport[" + (closed.get() ? "closed" : "open") + "]";
  }

  static SshClient clientOf(SshTransport transport) {
    return Objects.requireNonNull(transport, "transport").client();
  }
}
