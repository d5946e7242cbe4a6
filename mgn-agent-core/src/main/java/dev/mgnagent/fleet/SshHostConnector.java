package dev.mgnagent.fleet;

import dev.mgnagent.Secret;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
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
 * AUTH_REFUSED, ...).
 *
 * <pre>{@code
 * HostConnector ssh = SshHostConnector.builder(System.getenv())
 *     .knownHosts(Path.of("/etc/mgn-agent/known_hosts"))
 *     .user("ec2-user")
 *     .build();
 * }</pre>
 */
public final class SshHostConnector implements HostConnector {

  private final Map<String, String> localEnvironment;
  private final Optional<String> user;
  private final Optional<Secret> sudoPassword;
  private final List<Path> identities;
  private final Consumer<SshOptions.Builder> configure;
  private final BiConsumer<FleetHost, SshOptions.Builder> perHost;

  private SshHostConnector(Builder b) {
    this.localEnvironment = b.localEnvironment;
    this.user = Optional.ofNullable(b.user);
    this.sudoPassword = Optional.ofNullable(b.sudoPassword);
    this.identities = List.copyOf(b.identities);
    this.configure = b.configure;
    this.perHost = b.perHost;
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
    SshOptions options = optionsFor(host, login);
    try {
      return SshHost.connect(target, options);
    } catch (SshException e) {
      throw new HostUnreachableException(e.failure().name(), e.getMessage(), e.remedy(), e);
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
     * Further SSH settings shared by every host, such as {@link SshOptions.Builder#knownHosts},
     * {@link SshOptions.Builder#acceptNewHostKeys} or {@link SshOptions.Builder#connectTimeout};
     * the identity and sudo settings above win over the same ones set here.
     */
    public Builder options(Consumer<SshOptions.Builder> configure) {
      this.configure = Objects.requireNonNull(configure, "configure");
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
