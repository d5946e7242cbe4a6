package dev.mgnagent.tests.ssh;

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
 * A private Debian OpenSSH server for one test class: {@code sshd -D -e -f <own config>} on a free
 * 127.0.0.1 port, with its host key, authorized keys and PID file in the test's temporary
 * directory, {@code UsePAM no}, {@code StrictModes no}, public-key login only. It logs in the user
 * running the tests (root here: {@code PermitRootLogin prohibit-password}). {@link #start} returns
 * once sshd says it listens (its own log line), never after a fixed wait.
 */
final class OpenSshServer implements AutoCloseable {

  static final Path SSHD = Path.of("/usr/sbin/sshd");
  static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
  private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

  private final Path dir;
  private final int port;
  private final Process process;
  private final List<String> log;

  private OpenSshServer(Path dir, int port, Process process, List<String> log) {
    this.dir = dir;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Why no server can be started here; empty when one can. */
  static Optional<String> unavailableReason() {
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

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The local user name sshd logs in. */
  static String user() {
    return System.getProperty("user.name");
  }

  /**
   * Generates a host key (and a second one for a "changed key" server) and starts sshd trusting
   * {@code authorizedKeys} (public key lines).
   */
  static OpenSshServer start(Path dir, List<String> authorizedKeys) throws Exception {
    return start(dir, authorizedKeys, List.of());
  }

  /** As {@link #start(Path, List)}, with {@code extraConfig} lines added to sshd_config. */
  static OpenSshServer start(Path dir, List<String> authorizedKeys, List<String> extraConfig)
      throws Exception {
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
      } catch (java.util.concurrent.TimeoutException e) {
        up = false;
      }
      if (up) {
        return new OpenSshServer(dir, port, process, log);
      }
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      synchronized (log) {
        last = new IOException("sshd did not start: " + String.join(" | ", log));
      }
    }
    throw last;
  }

  /** Writes a new key pair to {@code file} and {@code file.pub} with ssh-keygen. */
  static void keygen(Path file, String type, String passphrase) throws Exception {
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
  static String fingerprint(Path publicKey) throws Exception {
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

  int port() {
    return port;
  }

  Path hostPublicKey() {
    return dir.resolve("ssh_host_ed25519_key.pub");
  }

  /** The known_hosts line for this server: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}. */
  String knownHostsLine() {
    try {
      String[] words = Files.readString(hostPublicKey()).strip().split(" ");
      return "[127.0.0.1]:" + port + " " + words[0] + " " + words[1];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process IDs of every descendant of sshd (its sessions and their commands). */
  List<ProcessHandle> descendants() {
    return process.descendants().toList();
  }

  String log() {
    synchronized (log) {
      return String.join("\n", log);
    }
  }

  @Override
  public void close() throws Exception {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
