package dev.mgnagent.fleet;

import dev.mgnagent.Secret;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import dev.mgnagent.host.ssh.SshTransport;
import dev.mgnagent.host.ssh.SudoMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reaches a fleet's hosts over SSH with {@link SshHost}: the inventory's port, user and identity
 * for each host, the rest shared. Root comes from logging in as {@code root}, or else from {@code
 * sudo -n}, or {@code sudo -S} when a sudo password is given. A host that cannot be reached,
 * verified or logged in to is a {@link HostUnreachableException} whose reason is the {@link
 * dev.mgnagent.host.ssh.SshFailure} name (UNREACHABLE, HOST_KEY_UNKNOWN, HOST_KEY_CHANGED,
 * AUTH_REFUSED, ...). A host may be reached through a jump host ({@link Builder#jump}, or the
 * inventory's {@code jump} column). Every host shares one SSH transport, which this connector owns:
 * {@link #close()} it when the fleet's work has ended.
 *
 * <pre>{@code
 * HostConnector ssh = SshHostConnector.builder(System.getenv())
 *     .knownHosts(Path.of("/etc/mgn-agent/known_hosts"))
 *     .user("ec2-user")
 *     .build();
 * }</pre>
 */
public final class SshHostConnector implements HostConnector, AutoCloseable {

  private final Map<String, String> localEnvironment;
  private final Optional<String> user;
  private final Optional<Secret> sudoPassword;
  private final List<Path> identities;
  private final Consumer<SshOptions.Builder> configure;
  private final BiConsumer<FleetHost, SshOptions.Builder> perHost;
  private final Optional<String> jump;
  private SshTransport transport;
  private boolean closed;

  private SshHostConnector(Builder b) {
    this.localEnvironment = b.localEnvironment;
    this.user = Optional.ofNullable(b.user);
    this.sudoPassword = Optional.ofNullable(b.sudoPassword);
    this.identities = List.copyOf(b.identities);
    this.configure = b.configure;
    this.perHost = b.perHost;
    this.jump = Optional.ofNullable(b.jump);
  }

  /**
   * A builder; {@code localEnvironment} is this machine's ({@code HOME} for {@code ~/.ssh}, {@code
   * USER} for the default login name).
   */
  public static Builder builder(Map<String, String> localEnvironment) {
    return new Builder(localEnvironment);
  }

  @Override
  public Host connect(FleetHost host) {
    Objects.requireNonNull(host, "host");
    String login = host.user().or(() -> user).orElseGet(this::localUser);
    SshTarget target =
        new SshTarget(host.address(), host.port().orElse(SshTarget.DEFAULT_PORT), login);
    SshOptions options;
    try {
      options = optionsFor(host, login);
    } catch (dev.mgnagent.InvalidRequestException e) {
      throw new HostUnreachableException(
          "INVALID_JUMP_HOST", e.getMessage(), "fix the jump host", e);
    }
    try {
      return SshHost.connect(transport(), target, options);
    } catch (SshException e) {
      throw new HostUnreachableException(e.failure().name(), e.getMessage(), e.remedy(), e);
    }
  }

  /** The one transport every host of this connector shares, started at the first connect. */
  private synchronized SshTransport transport() {
    if (closed) {
      throw new IllegalStateException("this SshHostConnector is closed");
    }
    if (transport == null) {
      transport = SshTransport.open();
    }
    return transport;
  }

  /**
   * Closes the SSH transport the hosts share: call it once the fleet's work has ended (every host
   * it returned is closed then too). Idempotent.
   */
  @Override
  public synchronized void close() {
    closed = true;
    if (transport != null) {
      transport.close();
    }
  }

  private SshOptions optionsFor(FleetHost host, String login) {
    SshOptions.Builder options = SshOptions.builder(localEnvironment);
    configure.accept(options);
    perHost.accept(host, options);
    List<Path> keys = new ArrayList<>();
    host.identity().ifPresent(keys::add);
    keys.addAll(identities);
    keys.forEach(options::identity);
    host.jump().or(() -> jump).ifPresent(j -> options.jump(SshTarget.parse(j, login)));
    if (login.equals("root")) {
      options.sudo(SudoMode.NONE);
    } else if (sudoPassword.isPresent()) {
      options.sudo(SudoMode.WITH_PASSWORD).sudoPassword(sudoPassword.get());
    } else {
      options.sudo(SudoMode.NON_INTERACTIVE);
    }
    return options.build();
  }

  /** The login name OpenSSH would use: this machine's user. */
  private String localUser() {
    String name = localEnvironment.get("USER");
    return name == null || name.isBlank() ? "root" : name;
  }

  @Override
  public String toString() {
    return "SshHostConnector[user="
        + user.orElse("(local user)")
        + ", identities="
        + identities
        + "]";
  }

  /** Builds an {@link SshHostConnector}. */
  public static final class Builder {
    private final Map<String, String> localEnvironment;
    private String user;
    private Secret sudoPassword;
    private final List<Path> identities = new ArrayList<>();
    private Consumer<SshOptions.Builder> configure = options -> {};
    private BiConsumer<FleetHost, SshOptions.Builder> perHost = (host, options) -> {};
    private String jump;

    private Builder(Map<String, String> localEnvironment) {
      this.localEnvironment = Map.copyOf(Objects.requireNonNull(localEnvironment, "env"));
    }

    /** The login name for hosts whose inventory row names none (default: the local user). */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /** A private key tried after the host's own identity (default: the usual ones in ~/.ssh). */
    public Builder identity(Path keyFile) {
      identities.add(Objects.requireNonNull(keyFile, "keyFile"));
      return this;
    }

    /** The sudo password typed (on standard input) for logins other than root. */
    public Builder sudoPassword(Secret password) {
      this.sudoPassword = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * The jump host for hosts whose inventory row names none: {@code [user@]host[:port]} (the
     * host's login user when none is given), as OpenSSH's {@code ProxyJump} with one hop.
     */
    public Builder jump(String jumpHost) {
      Objects.requireNonNull(jumpHost, "jumpHost");
      // checked the way the inventory's jump column is
      FleetHost.builder().address("check").jump(jumpHost);
      this.jump = jumpHost;
      return this;
    }

    /**
     * Further SSH settings shared by every host, such as {@link SshOptions.Builder#knownHosts},
     * {@link SshOptions.Builder#acceptNewHostKeys} or {@link SshOptions.Builder#connectTimeout};
     * the identity and sudo settings above win over the same ones set here.
     */
    public Builder options(Consumer<SshOptions.Builder> configure) {
      Objects.requireNonNull(configure, "configure");
      // added to what is set already (such as knownHosts), never replacing it
      this.configure = this.configure.andThen(configure);
      return this;
    }

    /**
     * SSH settings for one host, applied after {@link #options} when that host is connected. This
     * is how tests point each host's {@link SshHost#root()} at a fake host's tree ({@code
     * perHost((host, o) -> o.remoteRoot(treeOf(host)))}); the identity and sudo settings above
     * still win.
     */
    public Builder perHost(BiConsumer<FleetHost, SshOptions.Builder> configure) {
      this.perHost = Objects.requireNonNull(configure, "configure");
      return this;
    }

    /** A shortcut for {@code options(o -> o.knownHosts(file))}, combined with other options. */
    public Builder knownHosts(Path file) {
      Objects.requireNonNull(file, "file");
      Consumer<SshOptions.Builder> before = configure;
      this.configure = before.andThen(o -> o.knownHosts(file));
      return this;
    }

    public SshHostConnector build() {
      return new SshHostConnector(this);
    }
  }
}
