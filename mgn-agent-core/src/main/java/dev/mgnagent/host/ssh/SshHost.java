package dev.mgnagent.host.ssh;

import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.HostLock;
import dev.mgnagent.host.ssh.internal.SshConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A remote server reached over SSH, as a {@link Host}: every step of an installation runs on it
 * unchanged.
 *
 * <ul>
 *   <li>{@link #root()} is a path of an SFTP file system at {@code /} (or at {@link
 *       SshOptions#remoteRoot()}), so {@code Files.*} read the remote files;
 *   <li>{@link #environment()} is the login user's environment, read once at connect;
 *   <li>{@link #commandRunner()} runs commands over exec channels (separate stdin, stdout and
 *       stderr, no terminal), through {@code sudo} as {@link SshOptions#sudo()} says, and stops a
 *       new-session command's whole remote session;
 *   <li>{@link #tryLock(String)} holds {@code flock -n} on the remote lock file for as long as the
 *       lock is open.
 * </ul>
 *
 * <pre>{@code
 * try (SshHost host = SshHost.connect(SshTarget.parse("ec2-user@10.0.0.12"),
 *     SshOptions.builder(System.getenv()).sudo(SudoMode.NON_INTERACTIVE).build())) {
 *   AgentInstallation.builder().host(host).build().install(request);
 * }
 * }</pre>
 *
 * <p>The host key is checked against the known_hosts file before anything is sent; see {@link
 * SshOptions.Builder#acceptNewHostKeys(boolean)}. Thread-safe: commands may run concurrently over
 * the one connection.
 */
public final class SshHost implements Host, AutoCloseable {

  private final SshConnection connection;

  private SshHost(SshConnection connection) {
    this.connection = connection;
  }

  /**
   * Connects to {@code target}, verifies its host key and logs in.
   *
   * @throws SshException typed by {@link SshException#failure()}: UNREACHABLE, HOST_KEY_UNKNOWN,
   *     HOST_KEY_CHANGED, AUTH_REFUSED or CONNECTION_LOST
   */
  public static SshHost connect(SshTarget target, SshOptions options) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    SshTransport own = SshTransport.open();
    return new SshHost(SshConnection.open(SshTransport.clientOf(own), true, target, options));
  }

  /**
   * As {@link #connect(SshTarget, SshOptions)}, over a transport shared with other hosts: closing
   * this host ends its session and leaves the transport to its owner. An interrupt of the calling
   * thread while it connects closes the pending session and fails with UNREACHABLE.
   *
   * @throws IllegalStateException when the transport is closed
   */
  public static SshHost connect(SshTransport transport, SshTarget target, SshOptions options) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    return new SshHost(
        SshConnection.open(SshTransport.clientOf(transport), false, target, options));
  }

  /** Where this host was reached. */
  public SshTarget target() {
    return connection.target();
  }

  @Override
  public Path root() {
    return connection.root();
  }

  @Override
  public Map<String, String> environment() {
    return connection.environment();
  }

  @Override
  public CommandRunner commandRunner() {
    return connection.commandRunner();
  }

  @Override
  public Optional<HostLock> tryLock(String name) {
    return connection.tryLock(name);
  }

  @Override
  public OptionalLong lockHolder(String name) {
    return connection.lockHolder(name);
  }

  /** Whether the connection is still open. */
  public boolean isConnected() {
    return connection.isOpen();
  }

  /**
   * Ends the SSH session. Commands still running on it lose their channel but are not stopped on
   * the host (without a terminal, sshd sends them no signal): stop them first with {@link
   * dev.mgnagent.host.RunningCommand#killTree()}. A lock taken through this host is released.
   */
  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return "SshHost[" + connection.target() + "]";
  }
}
