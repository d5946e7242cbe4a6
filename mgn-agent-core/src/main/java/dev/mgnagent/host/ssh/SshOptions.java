package dev.mgnagent.host.ssh;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link SshHost} connects: the known_hosts file and whether new host keys are recorded, the
 * private keys and password to authenticate with, how commands get root rights, and the timeouts.
 * Immutable; {@link #toString()} never shows a secret.
 *
 * <pre>{@code
 * SshOptions options = SshOptions.builder(System.getenv())
 *     .identity(Path.of("/home/me/.ssh/fleet_ed25519"))
 *     .sudo(SudoMode.NON_INTERACTIVE)
 *     .build();
 * }</pre>
 */
public final class SshOptions {

  /** The connect and authentication timeout unless given. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);

  private final Path knownHosts;
  private final boolean acceptNewHostKeys;
  private final List<Path> identities;
  private final KeyPassphrases passphrases;
  private final Optional<Secret> password;
  private final SudoMode sudo;
  private final Optional<Secret> sudoPassword;
  private final Duration connectTimeout;
  private final Optional<String> remoteRoot;
  private final Duration killGrace;
  private final Optional<SshTarget> jump;

  private SshOptions(Builder b) {
    this.knownHosts = b.knownHosts;
    this.acceptNewHostKeys = b.acceptNewHostKeys;
    this.identities = List.copyOf(b.identities.isEmpty() ? b.defaultIdentities() : b.identities);
    this.passphrases = b.passphrases;
    this.password = Optional.ofNullable(b.password);
    this.sudo = b.sudo;
    this.sudoPassword = Optional.ofNullable(b.sudoPassword);
    this.connectTimeout = b.connectTimeout;
    this.remoteRoot = Optional.ofNullable(b.remoteRoot);
    this.killGrace = b.killGrace;
    this.jump = Optional.ofNullable(b.jump);
  }

  /**
   * A builder whose defaults ({@code ~/.ssh/known_hosts}, {@code ~/.ssh/id_ed25519}, {@code
   * id_ecdsa}, {@code id_rsa}) are found through {@code HOME} in {@code localEnvironment}: the
   * environment of this side, such as {@code System.getenv()}. Without {@code HOME} there are no
   * defaults and {@link Builder#knownHosts(Path)} must be given.
   */
  public static Builder builder(Map<String, String> localEnvironment) {
    return new Builder(Objects.requireNonNull(localEnvironment, "localEnvironment"));
  }

  /** The OpenSSH known_hosts file host keys are checked against. */
  public Path knownHosts() {
    return knownHosts;
  }

  /** Whether the key of a host not in {@link #knownHosts()} is recorded there and accepted. */
  public boolean acceptNewHostKeys() {
    return acceptNewHostKeys;
  }

  /** The private key files tried, in order. */
  public List<Path> identities() {
    return identities;
  }

  /** Asked for the passphrase of an encrypted key. */
  public KeyPassphrases passphrases() {
    return passphrases;
  }

  /** The login password, tried after the keys. */
  public Optional<Secret> password() {
    return password;
  }

  /** How commands get root rights. */
  public SudoMode sudo() {
    return sudo;
  }

  /** The password typed to {@code sudo -S} with {@link SudoMode#WITH_PASSWORD}. */
  public Optional<Secret> sudoPassword() {
    return sudoPassword;
  }

  /** How long connecting and authenticating may take, each. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The remote directory {@link SshHost#root()} starts at instead of {@code /} (tests). */
  public Optional<String> remoteRoot() {
    return remoteRoot;
  }

  /** How long a remote tree kill waits between {@code SIGTERM} and {@code SIGKILL}. */
  public Duration killGrace() {
    return killGrace;
  }

  /**
   * The jump host the connection goes through (OpenSSH's {@code ProxyJump}, one hop); empty to
   * connect directly.
   */
  public Optional<SshTarget> jump() {
    return jump;
  }

  @Override
  public String toString() {
    return "SshOptions[knownHosts="
        + knownHosts
        + ", acceptNewHostKeys="
        + acceptNewHostKeys
        + ", identities="
        + identities
        + ", password="
        + (password.isPresent() ? "****" : "none")
        + ", sudo="
        + sudo
        + ", connectTimeout="
        + connectTimeout
        + remoteRoot.map(r -> ", remoteRoot=" + r).orElse("")
        + jump.map(j -> ", jump=" + j).orElse("")
        + "]";
  }

  /** Builds {@link SshOptions}; see {@link SshOptions#builder(Map)}. */
  public static final class Builder {
    private final Map<String, String> localEnvironment;
    private Path knownHosts;
    private boolean acceptNewHostKeys;
    private final List<Path> identities = new ArrayList<>();
    private KeyPassphrases passphrases = KeyPassphrases.NONE;
    private Secret password;
    private SudoMode sudo = SudoMode.NONE;
    private Secret sudoPassword;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private String remoteRoot;
    private Duration killGrace = Duration.ofSeconds(5);
    private SshTarget jump;

    private Builder(Map<String, String> localEnvironment) {
      this.localEnvironment = Map.copyOf(localEnvironment);
    }

    private Optional<Path> sshDirectory() {
      String home = localEnvironment.get("HOME");
      if (home == null || home.isBlank() || !Path.of(home).isAbsolute()) {
        return Optional.empty();
      }
      return Optional.of(Path.of(home, ".ssh"));
    }

    private List<Path> defaultIdentities() {
      List<Path> found = new ArrayList<>();
      sshDirectory()
          .ifPresent(
              dir -> {
                for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
                  if (Files.isRegularFile(dir.resolve(name))) {
                    found.add(dir.resolve(name));
                  }
                }
              });
      return found;
    }

    /** The known_hosts file (default {@code ~/.ssh/known_hosts}). */
    public Builder knownHosts(Path file) {
      this.knownHosts = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Record and accept the key of a host that known_hosts does not list (OpenSSH's {@code
     * accept-new}); default false: such a host fails with {@link SshFailure#HOST_KEY_UNKNOWN}. A
     * changed key is refused either way.
     */
    public Builder acceptNewHostKeys(boolean accept) {
      this.acceptNewHostKeys = accept;
      return this;
    }

    /**
     * A private key file (OpenSSH format: ed25519, ECDSA or RSA) to try; repeatable. Without any,
     * the defaults in {@code ~/.ssh} that exist are tried.
     */
    public Builder identity(Path keyFile) {
      identities.add(Objects.requireNonNull(keyFile, "keyFile"));
      return this;
    }

    /** Asked once per encrypted key for its passphrase (default: encrypted keys are skipped). */
    public Builder passphrases(KeyPassphrases passphrases) {
      this.passphrases = Objects.requireNonNull(passphrases, "passphrases");
      return this;
    }

    /** A login password, tried after the keys. */
    public Builder password(Secret password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** How commands get root rights (default {@link SudoMode#NONE}). */
    public Builder sudo(SudoMode mode) {
      this.sudo = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The sudo password, for {@link SudoMode#WITH_PASSWORD}. */
    public Builder sudoPassword(Secret password) {
      this.sudoPassword = Objects.requireNonNull(password, "password");
      return this;
    }

    /** How long connecting, and then authenticating, may each take (default 15 s). */
    public Builder connectTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new InvalidRequestException("connectTimeout", "the connect timeout must be positive");
      }
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * For tests: {@link SshHost#root()} reads the remote files under this absolute remote directory
     * instead of {@code /} (a fake host tree); commands still run on the real remote system.
     */
    public Builder remoteRoot(String directory) {
      if (!directory.startsWith("/")) {
        throw new InvalidRequestException("remoteRoot", "the remote root must be an absolute path");
      }
      this.remoteRoot = directory;
      return this;
    }

    /** How long a remote tree kill waits between SIGTERM and SIGKILL (default 5 s). */
    public Builder killGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new InvalidRequestException(
            "killGrace", "the kill grace period must not be negative");
      }
      this.killGrace = grace;
      return this;
    }

    /**
     * Connect through this jump host, as OpenSSH's {@code ProxyJump} does: the SSH session to the
     * jump host is verified against the same known_hosts file with the same rules, authenticated
     * with the same keys and password, and carries a forwarded TCP connection to the target, whose
     * own host key is then checked under the target's name. One hop: a jump host reached through
     * another is not supported.
     */
    public Builder jump(SshTarget jumpHost) {
      this.jump = Objects.requireNonNull(jumpHost, "jumpHost");
      return this;
    }

    /**
     * @throws InvalidRequestException when no known_hosts file is given and there is no {@code
     *     HOME}, or {@link SudoMode#WITH_PASSWORD} has no sudo password
     */
    public SshOptions build() {
      if (knownHosts == null) {
        knownHosts =
            sshDirectory()
                .map(dir -> dir.resolve("known_hosts"))
                .orElseThrow(
                    () ->
                        new InvalidRequestException(
                            "knownHosts", "no HOME to find ~/.ssh/known_hosts in: give the file"));
      }
      if (sudo == SudoMode.WITH_PASSWORD && sudoPassword == null) {
        throw new InvalidRequestException(
            "sudoPassword", "sudo with a password needs the sudo password");
      }
      return new SshOptions(this);
    }
  }
}
