package dev.mgnagent.testkit.ssh;

import dev.mgnagent.testkit.Startable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A private Debian OpenSSH server ({@code openssh-server}) for tests that need the real thing:
 * {@code sshd -D -e -f <own config>} on a free 127.0.0.1 port, with its host key, authorized keys
 * and PID file in a directory the test owns, {@code UsePAM no}, {@code StrictModes no}, public-key
 * login only. It logs in the user running the tests ({@code PermitRootLogin prohibit-password} when
 * that is root). Starting returns once sshd says it listens (its own log line), never after a fixed
 * wait; {@link #close()} kills sshd and every session it started. Guard the test class with {@link
 * EnabledIfOpenSshServer} so that a machine without sshd skips it with a one-line reason.
 *
 * <pre>{@code
 * OpenSshServer.keygen(dir.resolve("id_ed25519"), "ed25519", "");
 * try (OpenSshServer sshd = OpenSshServer.builder()
 *     .directory(dir.resolve("sshd"))
 *     .authorizedKey(Files.readString(dir.resolve("id_ed25519.pub")).strip())
 *     .build().start()) {
 *   Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
 *   // ssh -p sshd.port() OpenSshServer.user()@127.0.0.1 ...
 * }
 * }</pre>
 *
 * <p>It is {@link Startable}, so {@code @StartStop} on a field holding {@code builder()...build()}
 * starts and closes it around the tests.
 */
public final class OpenSshServer implements Startable {

  /** Where Debian's sshd is. */
  public static final Path SSHD = Path.of("/usr/sbin/sshd");

  /** Where Debian's ssh-keygen is. */
  public static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

  private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

  private final Path dir;
  private final List<String> authorizedKeys;
  private final List<String> extraConfig;
  private int port;
  private Process process;
  private List<String> log = new ArrayList<>();

  private OpenSshServer(Path dir, List<String> authorizedKeys, List<String> extraConfig) {
    this.dir = dir.toAbsolutePath();
    this.authorizedKeys = List.copyOf(authorizedKeys);
    this.extraConfig = List.copyOf(extraConfig);
  }

  /** A builder; it needs a {@link Builder#directory directory}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Why no server can be started here; empty when one can. */
  public static Optional<String> unavailableReason() {
    if (!Files.isExecutable(SSHD)) {
      return Optional.of("no " + SSHD + " (install Debian's openssh-server)");
    }
    if (!Files.isExecutable(SSH_KEYGEN)) {
      return Optional.of("no " + SSH_KEYGEN + " (install openssh-client)");
    }
    if (!Files.isDirectory(PRIVSEP_DIR) && !isRoot()) {
      return Optional.of(PRIVSEP_DIR + " is missing and only root may create it");
    }
    return Optional.empty();
  }

  /** Whether the tests run as root. */
  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The local user name sshd logs in. */
  public static String user() {
    return System.getProperty("user.name");
  }

  /**
   * Generates a host key (and a second one for a "changed key" server) and starts sshd trusting
   * {@code authorizedKeys} (public key lines).
   */
  public static OpenSshServer start(Path dir, List<String> authorizedKeys) {
    return start(dir, authorizedKeys, List.of());
  }

  /** As {@link #start(Path, List)}, with {@code extraConfig} lines added to sshd_config. */
  public static OpenSshServer start(
      Path dir, List<String> authorizedKeys, List<String> extraConfig) {
    return new OpenSshServer(dir, authorizedKeys, extraConfig).start();
  }

  /**
   * Generates the host key (unless the directory has one) and starts sshd.
   *
   * @throws IllegalStateException when already started
   * @throws UncheckedIOException when sshd cannot start (its log is in the message)
   */
  @Override
  public synchronized OpenSshServer start() {
    if (process != null) {
      throw new IllegalStateException("this sshd was started already");
    }
    try {
      launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting sshd", e);
    }
    return this;
  }

  private void launch() throws IOException, InterruptedException {
    Files.createDirectories(dir);
    if (!Files.isDirectory(PRIVSEP_DIR)) {
      // sshd refuses to start as root without its (empty) privilege separation directory, which
      // the openssh-server service creates at boot; a container without the service lacks it
      Files.createDirectories(PRIVSEP_DIR);
    }
    Path hostKey = dir.resolve("ssh_host_ed25519_key");
    if (!Files.exists(hostKey)) {
      keygen(hostKey, "ed25519", "");
    }
    Path authorized = dir.resolve("authorized_keys");
    Files.write(authorized, authorizedKeys, StandardCharsets.UTF_8);
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Path config = dir.resolve("sshd_config");
      List<String> lines =
          new ArrayList<>(
              List.of(
                  "Port " + port,
                  "ListenAddress 127.0.0.1",
                  "HostKey " + hostKey,
                  "PidFile " + dir.resolve("sshd.pid"),
                  "AuthorizedKeysFile " + authorized,
                  "UsePAM no",
                  "StrictModes no",
                  "PermitRootLogin prohibit-password",
                  "PasswordAuthentication no",
                  "KbdInteractiveAuthentication no",
                  "Subsystem sftp internal-sftp",
                  "LogLevel INFO"));
      lines.addAll(extraConfig);
      Files.writeString(config, String.join("\n", lines) + "\n");
      Process process =
          new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      List<String> log = new ArrayList<>();
      CompletableFuture<Boolean> listening = new CompletableFuture<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = in.readLine()) != null; ) {
                    synchronized (log) {
                      log.add(line);
                    }
                    if (line.contains("Server listening on 127.0.0.1 port " + port)) {
                      listening.complete(true);
                    }
                  }
                } catch (IOException e) {
                  // sshd ended
                }
                listening.complete(false);
              },
              "sshd log");
      reader.setDaemon(true);
      reader.start();
      boolean up;
      try {
        up = listening.get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        up = false;
      }
      if (up) {
        this.port = port;
        this.process = process;
        this.log = log;
        return;
      }
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      synchronized (log) {
        last = new IOException("sshd did not start: " + String.join(" | ", log));
      }
    }
    throw last;
  }

  /** Writes a new key pair to {@code file} and {@code file.pub} with ssh-keygen. */
  public static void keygen(Path file, String type, String passphrase)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(SSH_KEYGEN.toString(), "-q", "-t", type));
    if (type.equals("rsa")) {
      argv.addAll(List.of("-b", "3072"));
    }
    argv.addAll(List.of("-N", passphrase, "-C", "mgn-agent-test", "-f", file.toString()));
    Process keygen = new ProcessBuilder(argv).redirectErrorStream(true).start();
    keygen.getOutputStream().close();
    String out = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!keygen.waitFor(60, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
      throw new IOException("ssh-keygen failed: " + out);
    }
  }

  /** The SHA256 fingerprint of a public key file, as ssh-keygen -l prints it. */
  public static String fingerprint(Path publicKey) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(SSH_KEYGEN.toString(), "-l", "-E", "sha256", "-f", publicKey.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out.split(" ")[1];
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** The port sshd listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The directory holding its config, host key, authorized keys and PID file. */
  public Path directory() {
    return dir;
  }

  /** Its host key's public half ({@code ssh_host_ed25519_key.pub}). */
  public Path hostPublicKey() {
    return dir.resolve("ssh_host_ed25519_key.pub");
  }

  /** The known_hosts line for this server: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}. */
  public String knownHostsLine() {
    try {
      String[] words = Files.readString(hostPublicKey()).strip().split(" ");
      return "[127.0.0.1]:" + port + " " + words[0] + " " + words[1];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process IDs of every descendant of sshd (its sessions and their commands). */
  public List<ProcessHandle> descendants() {
    return process.descendants().toList();
  }

  /** What sshd logged so far. */
  public String log() {
    synchronized (log) {
      return String.join("\n", log);
    }
  }

  /** Its host key's SHA-256 fingerprint, {@code SHA256:...}, as ssh-keygen prints it. */
  public String hostKeyFingerprint() {
    try {
      return fingerprint(hostPublicKey());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Kills sshd and every process it started; idempotent. */
  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Builds an {@link OpenSshServer}. */
  public static final class Builder {
    private Path directory;
    private final List<String> authorizedKeys = new ArrayList<>();
    private final List<String> config = new ArrayList<>();

    private Builder() {}

    /** The directory for its config, keys and PID file (required; a test's own temp dir). */
    public Builder directory(Path directory) {
      this.directory = java.util.Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** A public key line ({@code ssh-ed25519 AAAA... comment}) allowed to log in. */
    public Builder authorizedKey(String publicKeyLine) {
      authorizedKeys.add(java.util.Objects.requireNonNull(publicKeyLine, "publicKeyLine"));
      return this;
    }

    /** An extra sshd_config line, such as {@code MaxSessions 20}. */
    public Builder config(String line) {
      config.add(java.util.Objects.requireNonNull(line, "line"));
      return this;
    }

    public OpenSshServer build() {
      if (directory == null) {
        throw new IllegalStateException("an OpenSshServer needs a directory");
      }
      return new OpenSshServer(directory, authorizedKeys, config);
    }
  }
}
