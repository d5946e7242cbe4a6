package dev.mgnagent.testkit.ssh;

import dev.mgnagent.Secret;
import dev.mgnagent.testkit.Startable;
import dev.mgnagent.testkit.host.FakeLinuxHost;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.ssh.internal.FakeSudo;
import dev.mgnagent.testkit.ssh.internal.HostServer;
import dev.mgnagent.testkit.ssh.internal.JumpServer;
import dev.mgnagent.testkit.ssh.internal.SharedServerIo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * A fleet of fake Linux servers reachable over SSH, for testing what installs over SSH: each host
 * is its own Apache MINA SSH server on {@code 127.0.0.1} (an ephemeral port, an ed25519 host key of
 * its own) backed by a fake Linux host tree with its own hostname and MAC. The servers share one
 * set of I/O threads and one timer, so a fleet of hundreds of hosts does not start threads by the
 * thousand.
 *
 * <pre>{@code
 * try (FakeSshFleet fleet = FakeSshFleet.builder()
 *     .directory(tempDir)
 *     .host("web-1")
 *     .host("web-2", h -> h.sudoNeedsPassword(Secret.of("s3cret")).slowLink(Duration.ofMillis(20)))
 *     .host("db-1", h -> h.unreachable())
 *     .build().start()) {
 *   Path knownHosts = fleet.writeKnownHosts(tempDir.resolve("known_hosts"));
 *   Path identity = fleet.clientKey(tempDir.resolve("keys"));
 *   FakeSshTarget target = fleet.host("web-1").target(); // ec2-user@127.0.0.1:PORT
 * }
 * }</pre>
 *
 * <p>An exec request runs as a real local process, {@code bash -c <command>}, in a session of its
 * own without a terminal, with stdin, stdout and stderr piped and its exit status returned; the
 * fake never looks at what the command says. As with sshd without a terminal, a closed channel or a
 * dropped connection closes the command's pipes but sends it no signal: a command that goes on runs
 * until killed (its session is its pid, so {@code kill -- -<pid>} ends its tree) or until the fleet
 * is closed. Its environment is a login environment of the host: {@code PATH} starting with the
 * host's {@linkplain FakeSshHost#binDirectory() bin directory} (holding a fake {@code sudo}),
 * {@code HOME}, {@code USER}, {@code LOGNAME}, {@code SHELL}, the fake Linux host's own variables,
 * and {@code MGNAGENT_FAKE_HOST_ROOT} naming the host tree. SFTP serves the local file system at
 * real absolute paths, so exec and SFTP see the same files; the host's own files are under {@link
 * FakeSshHost#root()} (core's {@code SshHost} reads them there through its test-only {@code
 * remoteRoot} option). Commands run as the user running the test: the fake {@code sudo} grants
 * nothing.
 *
 * <p>Authentication: the fleet's client key ({@link #clientKey(Path)}) for the fleet's user on
 * every host, and a password where a host has one. Faults are per host ({@link
 * FakeSshHostBuilder}).
 */
public final class FakeSshFleet implements Startable {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final String BASE_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final Path directory;
  private final String user;
  private final List<FakeSshHostBuilder> specs;
  private final KeyPair clientKey;
  private final Map<String, FakeSshHost> hosts = new LinkedHashMap<>();
  private final List<HostServer> servers = new ArrayList<>();
  private SharedServerIo sharedIo;
  private final List<Socket> placeholders = new ArrayList<>();
  private final Map<String, Integer> privateNames = new LinkedHashMap<>();
  private final java.util.Set<Integer> hostPorts = new java.util.HashSet<>();
  private final boolean withJump;
  private final boolean jumpKeyChanged;
  private JumpServer jumpServer;
  private FakeSshJumpHost jumpHost;
  private boolean started;

  private FakeSshFleet(
      Path directory,
      String user,
      List<FakeSshHostBuilder> specs,
      boolean withJump,
      boolean jumpKeyChanged) {
    this.directory = directory.toAbsolutePath();
    this.user = user;
    this.specs = List.copyOf(specs);
    this.clientKey = newKey();
    this.withJump = withJump || specs.stream().anyMatch(s -> s.behindJump);
    this.jumpKeyChanged = jumpKeyChanged;
  }

  /** The suffix of the names of hosts behind the jump host: a domain that never resolves. */
  public static final String BEHIND_JUMP_DOMAIN = ".behind-jump.invalid";

  /** A builder; it needs a {@link Builder#directory directory} and at least one host. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes every host's tree and starts every reachable host's server. When one cannot start, the
   * ones already started are closed before the exception leaves.
   *
   * @throws IllegalStateException when started before
   */
  @Override
  public synchronized FakeSshFleet start() {
    if (started) {
      throw new IllegalStateException("this FakeSshFleet was started before");
    }
    started = true;
    try {
      for (FakeSshHostBuilder spec : specs) {
        hosts.put(spec.name, startHost(spec));
      }
      if (withJump) {
        startJumpHost();
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot start the fake SSH fleet: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return this;
  }

  private void startJumpHost() throws IOException {
    KeyPair served = newKey();
    KeyPair recorded = jumpKeyChanged ? newKey() : served;
    jumpServer =
        new JumpServer(
            new JumpServer.Settings(
                user,
                served,
                clientKey.getPublic(),
                Map.copyOf(privateNames),
                java.util.Set.copyOf(hostPorts)));
    jumpServer.start();
    jumpHost =
        new FakeSshJumpHost(
            new FakeSshTarget("127.0.0.1", jumpServer.port(), user),
            recorded.getPublic(),
            served.getPublic(),
            jumpServer);
  }

  /**
   * The fleet's jump host.
   *
   * @throws IllegalStateException when the fleet has none (see {@link Builder#jumpHost()})
   */
  public synchronized FakeSshJumpHost jumpHost() {
    requireStarted();
    if (jumpHost == null) {
      throw new IllegalStateException("this fleet has no jump host");
    }
    return jumpHost;
  }

  private FakeSshHost startHost(FakeSshHostBuilder spec) throws IOException {
    Path base = directory.resolve(spec.name);
    FakeLinuxHost linux = spec.linuxHost.writeTo(base.resolve("root"));
    Path root = linux.root().toAbsolutePath();
    writeIdentity(root, spec.hostname, spec.macAddress);
    Path bin = base.resolve("bin");
    Path home = base.resolve("home");
    Files.createDirectories(home);
    FakeSudo.write(bin, spec.sudoPassword, spec.sudoRequiretty, spec.hostname);

    Map<String, String> environment = new LinkedHashMap<>(linux.environment());
    environment.put("PATH", bin + ":" + BASE_PATH);
    environment.put("HOME", home.toString());
    environment.put("USER", user);
    environment.put("LOGNAME", user);
    environment.put("SHELL", "/bin/bash");
    environment.put(FakeInstaller.HOST_ROOT_VARIABLE, root.toString());

    KeyPair served = newKey();
    KeyPair recorded = spec.changedHostKey ? newKey() : served;
    ProcessLog log = new ProcessLog();
    int port;
    if (spec.unreachable) {
      port = closedPort();
    } else {
      if (sharedIo == null) {
        sharedIo = new SharedServerIo();
      }
      HostServer server =
          new HostServer(
              new HostServer.Settings(
                  user,
                  served,
                  clientKey.getPublic(),
                  spec.password,
                  spec.authRefused,
                  spec.dropAfterExecs,
                  spec.dropOnWord,
                  spec.slowLink,
                  environment,
                  home),
              log,
              sharedIo);
      server.start();
      servers.add(server);
      port = server.port();
    }
    hostPorts.add(port);
    FakeSshTarget target = new FakeSshTarget("127.0.0.1", port, user);
    if (spec.behindJump) {
      String name = (spec.name + BEHIND_JUMP_DOMAIN).toLowerCase(java.util.Locale.ROOT);
      privateNames.put(name, port);
      target = new FakeSshTarget(name, JumpServer.PRIVATE_PORT, user);
    }
    return new FakeSshHost(
        spec.name,
        target,
        recorded.getPublic(),
        served.getPublic(),
        root,
        bin,
        home,
        spec.hostname,
        spec.macAddress,
        log);
  }

  /** The hosts, in the order they were added. */
  public synchronized List<FakeSshHost> hosts() {
    requireStarted();
    return List.copyOf(hosts.values());
  }

  /**
   * The host of this name.
   *
   * @throws IllegalArgumentException when the fleet has none
   */
  public synchronized FakeSshHost host(String name) {
    requireStarted();
    FakeSshHost host = hosts.get(name);
    if (host == null) {
      throw new IllegalArgumentException("the fleet has no host named " + name);
    }
    return host;
  }

  /**
   * Writes a known_hosts file (OpenSSH format) with one line per host, {@link
   * FakeSshHost#hostKeyLine()}, and returns it.
   */
  public synchronized Path writeKnownHosts(Path file) {
    requireStarted();
    StringBuilder text = new StringBuilder();
    for (FakeSshHost host : hosts.values()) {
      text.append(host.hostKeyLine()).append('\n');
    }
    if (jumpHost != null) {
      text.append(jumpHost.hostKeyLine()).append('\n');
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Writes the fleet's client key, which every host accepts, as an unencrypted OpenSSH private key
   * {@code id_ed25519} (mode 600) with its {@code id_ed25519.pub} into {@code dir}, and returns the
   * private key's path.
   */
  public Path clientKey(Path dir) {
    return writeClientKey(dir, Optional.empty());
  }

  /**
   * As {@link #clientKey(Path)}, the private key encrypted with {@code passphrase} in OpenSSH's own
   * format (AES-256-CTR, bcrypt key derivation) with one derivation round, as {@code ssh-keygen -a
   * 1} writes it: the format of any encrypted OpenSSH key, without the 16 rounds' cost (a tenth of
   * a second of CPU) at each write and each open.
   */
  public Path clientKey(Path dir, Secret passphrase) {
    return writeClientKey(dir, Optional.of(Objects.requireNonNull(passphrase, "passphrase")));
  }

  /** The client key's public half as an {@code authorized_keys} line. */
  public String clientPublicKeyLine() {
    return PublicKeyEntry.toString(clientKey.getPublic());
  }

  private Path writeClientKey(Path dir, Optional<Secret> passphrase) {
    try {
      Files.createDirectories(dir);
      Path key = dir.resolve("id_ed25519");
      Files.deleteIfExists(key);
      Files.createFile(
          key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      OpenSSHKeyEncryptionContext encryption = null;
      if (passphrase.isPresent()) {
        encryption = new OpenSSHKeyEncryptionContext();
        encryption.setCipherName("AES");
        encryption.setCipherMode("CTR");
        encryption.setCipherType("256");
        encryption.setPassword(passphrase.get().reveal());
        encryption.setKdfRounds(1);
      }
      try (OutputStream out = Files.newOutputStream(key)) {
        new OpenSSHKeyPairResourceWriter()
            .writePrivateKey(clientKey, "mgn-agent-fake-fleet", encryption, out);
      }
      Files.writeString(
          dir.resolve("id_ed25519.pub"), clientPublicKeyLine() + " mgn-agent-fake-fleet\n");
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot write the fleet's client key", e);
    }
  }

  /**
   * Stops every host's server and kills the commands still running on any host, with their
   * descendants; the files stay (they belong to the test's directory).
   */
  @Override
  public synchronized void close() {
    for (HostServer server : servers) {
      server.close();
    }
    servers.clear();
    if (sharedIo != null) {
      sharedIo.close();
      sharedIo = null;
    }
    if (jumpServer != null) {
      jumpServer.close();
    }
    for (Socket placeholder : placeholders) {
      try {
        placeholder.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    placeholders.clear();
    hosts.values().forEach(FakeSshHost::killRunning);
  }

  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException("start the FakeSshFleet first");
    }
  }

  private static KeyPair newKey() {
    try {
      return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot make an ed25519 key (is net.i2p.crypto:eddsa on the class path?)", e);
    }
  }

  /**
   * A loopback port nothing listens on and nothing else can take while the fleet runs: a TCP socket
   * bound to it that never listens, so a connection to it is refused.
   */
  private int closedPort() throws IOException {
    Socket placeholder = new Socket();
    try {
      placeholder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      placeholder.close();
      throw e;
    }
    placeholders.add(placeholder);
    return placeholder.getLocalPort();
  }

  private static void writeIdentity(Path root, String hostname, String mac) throws IOException {
    write(root, "proc/sys/kernel/hostname", hostname + "\n");
    write(root, "etc/hostname", hostname + "\n");
    write(
        root,
        "etc/hosts",
        "127.0.0.1   localhost\n10.0.0.10   " + hostname + ".example.internal " + hostname + "\n");
    write(root, "sys/class/net/lo/address", "00:00:00:00:00:00\n");
    write(root, "sys/class/net/eth0/address", mac + "\n");
  }

  private static void write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Configures a {@link FakeSshFleet}. */
  public static final class Builder {
    private Path directory;
    private String user = "ec2-user";
    private final Map<String, FakeSshHostBuilder> hosts = new LinkedHashMap<>();
    private boolean jumpHost;
    private boolean jumpKeyChanged;

    private Builder() {}

    /**
     * Adds a jump host ({@link FakeSshFleet#jumpHost()}) that forwards connections to the fleet's
     * hosts; hosts {@linkplain FakeSshHostBuilder#behindJump() behind it} are reachable only
     * through it, the others both ways.
     */
    public Builder jumpHost() {
      this.jumpHost = true;
      return this;
    }

    /**
     * As {@link #jumpHost()}, with a jump host whose key differs from the one {@link
     * FakeSshFleet#writeKnownHosts} records for it (a rebuilt or impostor bastion).
     */
    public Builder jumpHostWithChangedKey() {
      this.jumpHost = true;
      this.jumpKeyChanged = true;
      return this;
    }

    /**
     * Required: where the hosts' trees, bin and home directories are written, one subdirectory per
     * host (a test's temporary directory).
     */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** The user every host accepts (default {@code ec2-user}). */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /** A healthy host of this name. */
    public Builder host(String name) {
      return host(name, h -> {});
    }

    /** A host of this name, configured by {@code configure} (its faults, its Linux server). */
    public Builder host(String name, Consumer<FakeSshHostBuilder> configure) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not a host name: " + name);
      }
      if (hosts.containsKey(name)) {
        throw new IllegalArgumentException("two hosts named " + name);
      }
      int n = hosts.size() + 1;
      FakeSshHostBuilder spec =
          new FakeSshHostBuilder(
              name, name, String.format("0a:40:5e:00:%02x:%02x", (n >> 8) & 0xff, n & 0xff));
      configure.accept(spec);
      hosts.put(name, spec);
      return this;
    }

    public FakeSshFleet build() {
      if (directory == null) {
        throw new IllegalStateException("a FakeSshFleet needs a directory");
      }
      if (hosts.isEmpty()) {
        throw new IllegalStateException("a FakeSshFleet needs at least one host");
      }
      return new FakeSshFleet(
          directory, user, new ArrayList<>(hosts.values()), jumpHost, jumpKeyChanged);
    }
  }
}
