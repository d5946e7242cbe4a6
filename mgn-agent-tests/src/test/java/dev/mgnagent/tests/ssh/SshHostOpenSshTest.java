package dev.mgnagent.tests.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mgnagent.Secret;
import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandResult;
import dev.mgnagent.host.HostLock;
import dev.mgnagent.host.RunningCommand;
import dev.mgnagent.host.ssh.KeyPassphrases;
import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshFailure;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import dev.mgnagent.testkit.ssh.EnabledIfOpenSshServer;
import dev.mgnagent.testkit.ssh.OpenSshServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SshHost} against Debian's real OpenSSH server on a loopback port: commands, streams,
 * timeouts and the remote tree kill, SFTP, the login environment, locks and authentication.
 */
@EnabledIfOpenSshServer
class SshHostOpenSshTest {

  @TempDir static Path dir;

  static OpenSshServer server;
  static Path clientKey;
  static Path ecdsaKey;
  static Path encryptedKey;
  static Path strangerKey;
  static Path knownHosts;

  @BeforeAll
  static void startServer() throws Exception {
    clientKey = dir.resolve("id_ed25519");
    ecdsaKey = dir.resolve("id_ecdsa");
    encryptedKey = dir.resolve("id_encrypted");
    strangerKey = dir.resolve("id_stranger");
    OpenSshServer.keygen(clientKey, "ed25519", "");
    OpenSshServer.keygen(ecdsaKey, "ecdsa", "");
    OpenSshServer.keygen(encryptedKey, "ed25519", "correct horse battery");
    OpenSshServer.keygen(strangerKey, "ed25519", "");
    server =
        OpenSshServer.start(
            dir.resolve("sshd"),
            List.of(
                Files.readString(dir.resolve("id_ed25519.pub")).strip(),
                Files.readString(dir.resolve("id_ecdsa.pub")).strip(),
                Files.readString(dir.resolve("id_encrypted.pub")).strip()));
    knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, server.knownHostsLine() + "\n");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static SshTarget target() {
    return new SshTarget("127.0.0.1", server.port(), OpenSshServer.user());
  }

  static SshOptions.Builder options() {
    return SshOptions.builder(Map.of())
        .knownHosts(knownHosts)
        .connectTimeout(Duration.ofSeconds(20))
        .killGrace(Duration.ofSeconds(2));
  }

  static SshHost connect() {
    return SshHost.connect(target(), options().identity(clientKey).build());
  }

  static Command shell(String script) {
    return new Command(
        List.of("sh", "-c", script), Map.of("PATH", "/usr/bin:/bin"), Optional.empty(), false);
  }

  @Test
  void exitCodesAndBothOutputStreamsComeBackSeparately() throws Exception {
    try (SshHost host = connect()) {
      CommandResult ok =
          CommandResult.run(
              host.commandRunner(),
              shell("echo out; echo err >&2; exit 0"),
              Duration.ofSeconds(30));
      CommandResult failed =
          CommandResult.run(host.commandRunner(), shell("exit 42"), Duration.ofSeconds(30));

      assertThat(ok.exitCode()).hasValue(0);
      assertThat(ok.stdout()).isEqualTo("out\n");
      assertThat(ok.stderr()).isEqualTo("err\n");
      assertThat(failed.exitCode()).hasValue(42);
    }
  }

  @Test
  void stdinReachesTheCommandAndAPromptWithoutNewlineArrivesAtOnce() throws Exception {
    try (SshHost host = connect();
        RunningCommand running =
            host.commandRunner()
                .start(shell("printf 'Name: '; read name; echo \"hello $name\"; exit 3"))) {
      assertThat(running.pid()).isPositive();
      byte[] prompt = running.stdout().readNBytes("Name: ".length());
      assertThat(new String(prompt, StandardCharsets.UTF_8)).isEqualTo("Name: ");
      running.stdin().write("remote\n".getBytes(StandardCharsets.UTF_8));
      assertThat(running.waitFor(Duration.ofSeconds(30))).hasValue(3);
      assertThat(readAll(running.stdout())).isEqualTo("hello remote\n");
    }
  }

  @Test
  void aPromptOnStderrAtTheVeryStartArrivesWithoutWaitingForMoreOutput() throws Exception {
    // an installer may ask for its secret on stderr before anything else, then wait for it: the
    // prompt must not stay held back with what stderr said before the command had started
    try (SshHost host = connect()) {
      for (int run = 0; run < 20; run++) {
        assertStderrPromptIsFirstAndAnswered(host);
      }
    }
  }

  /** A program that prompts on stderr at once: the prompt is the first thing read, and answered. */
  private static void assertStderrPromptIsFirstAndAnswered(SshHost host) throws Exception {
    try (RunningCommand running =
        host.commandRunner()
            .start(shell("printf 'Secret: ' >&2; read s; echo \"got $s\"; exit 4"))) {
      byte[] prompt =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30), () -> running.stderr().readNBytes("Secret: ".length()));
      assertThat(new String(prompt, StandardCharsets.UTF_8)).isEqualTo("Secret: ");
      running.stdin().write("x\n".getBytes(StandardCharsets.UTF_8));
      running.stdin().flush();
      assertThat(running.waitFor(Duration.ofSeconds(30))).hasValue(4);
      assertThat(readAll(running.stdout())).isEqualTo("got x\n");
    }
  }

  @Test
  void whatTheRemoteShellSaysOnStderrBeforeTheProgramIsNotTheProgramsStderr() throws Exception {
    // the remote user's shell reads its start-up files before it runs our line, and they may
    // write to stderr (seen here: pyenv's shims in root's .bashrc): a prompt on stderr must still
    // be the first thing the program's stderr says
    Path startup = dir.resolve("noisy-startup.sh");
    Path ran = dir.resolve("noisy-startup-ran");
    Files.writeString(
        startup, "echo 'start-up file: noise on stderr' >&2; : > " + ran.toString() + "\n");
    try (OpenSshServer noisy =
        OpenSshServer.start(
            dir.resolve("sshd-noisy"),
            List.of(Files.readString(dir.resolve("id_ed25519.pub")).strip()),
            List.of("SetEnv BASH_ENV=" + startup))) {
      Path noisyKnownHosts = dir.resolve("known_hosts_noisy");
      Files.writeString(noisyKnownHosts, noisy.knownHostsLine() + "\n");
      SshTarget target = new SshTarget("127.0.0.1", noisy.port(), OpenSshServer.user());
      try (SshHost host =
          SshHost.connect(
              target, options().knownHosts(noisyKnownHosts).identity(clientKey).build())) {
        CommandResult plain =
            CommandResult.run(
                host.commandRunner(), shell("echo err >&2; exit 0"), Duration.ofSeconds(30));
        assertThat(ran).as("the start-up file ran: the user's shell reads BASH_ENV").exists();
        assertThat(plain.stderr()).isEqualTo("err\n");
        assertStderrPromptIsFirstAndAnswered(host);
      }
    }
  }

  @Test
  void theEnvironmentIsExactlyTheCommandsAndTheWorkingDirectoryIsUsed() throws Exception {
    Path work = dir.resolve("work dir");
    Files.createDirectories(work);
    try (SshHost host = connect()) {
      Command command =
          new Command(
              List.of("sh", "-c", "pwd; env | sort"),
              Map.of("PATH", "/usr/bin:/bin", "GREETING", "it's \"quoted\" $HOME"),
              Optional.of(work),
              false);
      CommandResult result =
          CommandResult.run(host.commandRunner(), command, Duration.ofSeconds(30));

      assertThat(result.stdout().lines().toList())
          .containsExactly(
              work.toString(),
              "GREETING=it's \"quoted\" $HOME",
              "PATH=/usr/bin:/bin",
              "PWD=" + work);
    }
  }

  @Test
  void aMissingProgramOrDirectoryFailsToStartLikeALocalOne() {
    try (SshHost host = connect()) {
      assertThatThrownBy(() -> host.commandRunner().start(Command.of("/no/such/program")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("/no/such/program");
      assertThatThrownBy(
              () ->
                  host.commandRunner()
                      .start(Command.of("true").withWorkingDirectory(dir.resolve("absent"))))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("does not exist");
    }
  }

  @Test
  void aTimedOutNewSessionCommandIsStoppedWithEveryProcessOfItsRemoteSession() throws Exception {
    try (SshHost host = connect()) {
      // a child and a detached grandchild that ignore nothing: all must be gone after killTree
      Command command =
          shell("sleep 30171 & (sleep 30172 &) ; echo ready; sleep 30173; echo never")
              .withNewSession(true);
      RunningCommand running = host.commandRunner().start(command);
      byte[] ready = running.stdout().readNBytes("ready\n".length());
      assertThat(new String(ready, StandardCharsets.UTF_8)).isEqualTo("ready\n");
      long session = running.pid();
      assertThat(sessionMembers(session)).hasSizeGreaterThanOrEqualTo(3);

      assertThat(running.waitFor(Duration.ofMillis(200))).isEmpty();
      running.killTree();
      running.close();

      assertThat(sessionMembers(session)).isEmpty();
      assertThat(commandLines()).noneMatch(c -> c.matches("sleep 3017[123]"));
    }
  }

  @Test
  void aSessionProcessLeftAfterSuccessIsListedNotKilled() throws Exception {
    try (SshHost host = connect()) {
      RunningCommand running =
          host.commandRunner()
              .start(shell("(sleep 30174 > /dev/null 2>&1 &); exit 0").withNewSession(true));
      assertThat(running.waitFor(Duration.ofSeconds(30))).hasValue(0);
      List<dev.mgnagent.host.SessionProcess> left = running.leftovers();
      running.close();

      assertThat(left).anyMatch(p -> p.command().contains("sleep 30174"));
      assertThat(commandLines()).anyMatch(c -> c.equals("sleep 30174"));
      running.killTree(); // clean up what the test started
      assertThat(commandLines()).noneMatch(c -> c.equals("sleep 30174"));
    }
  }

  @Test
  void rootReadsRemoteFilesThroughSftpAndEnvironmentIsTheLoginEnvironment() throws Exception {
    Path file = dir.resolve("remote-file.txt");
    Files.writeString(file, "read over sftp\n");
    try (SshHost host = connect()) {
      assertThat(host.root().getFileSystem()).isNotEqualTo(FileSystems.getDefault());
      assertThat(Files.readString(host.root().resolve(file.toString().substring(1))))
          .isEqualTo("read over sftp\n");
      assertThat(host.environment())
          .containsEntry("USER", OpenSshServer.user())
          .containsKey("HOME")
          .containsKey("PATH");
    }
  }

  @Test
  void remoteRootMakesRootStartInThatDirectory() throws Exception {
    Path tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve("etc"));
    Files.writeString(tree.resolve("etc/hostname"), "fake-host\n");
    try (SshHost host =
        SshHost.connect(
            target(), options().identity(clientKey).remoteRoot(tree.toString()).build())) {
      assertThat(Files.readString(host.root().resolve("etc/hostname"))).isEqualTo("fake-host\n");
    }
  }

  @Test
  void aLockHeldThroughOneConnectionIsRefusedToASecondUntilReleased() throws Exception {
    Path tree = dir.resolve("lock-tree");
    Files.createDirectories(tree);
    SshOptions options = options().identity(clientKey).remoteRoot(tree.toString()).build();
    try (SshHost first = SshHost.connect(target(), options);
        SshHost second = SshHost.connect(target(), options)) {
      Optional<HostLock> held = first.tryLock("install");
      assertThat(held).isPresent();
      assertThat(second.tryLock("install")).isEmpty();
      assertThat(second.lockHolder("install")).isPresent();
      assertThat(Files.exists(tree.resolve("run/lock/mgn-agent-install.lock"))).isTrue();

      held.get().close();
      Optional<HostLock> again = second.tryLock("install");
      assertThat(again).isPresent();
      again.get().close();
    }
  }

  @Test
  void aLockIsReleasedWhenItsConnectionCloses() throws Exception {
    Path tree = dir.resolve("lock-tree-2");
    Files.createDirectories(tree);
    SshOptions options = options().identity(clientKey).remoteRoot(tree.toString()).build();
    try (SshHost second = SshHost.connect(target(), options)) {
      SshHost first = SshHost.connect(target(), options);
      assertThat(first.tryLock("install")).isPresent();
      first.close();
      Optional<HostLock> lock = Optional.empty();
      // the remote side notices the closed channel asynchronously: poll on the condition
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (lock.isEmpty() && System.nanoTime() < deadline) {
        lock = second.tryLock("install");
      }
      assertThat(lock).isPresent();
      lock.get().close();
    }
  }

  @Test
  void anEcdsaKeyLogsInToo() {
    try (SshHost host = SshHost.connect(target(), options().identity(ecdsaKey).build())) {
      assertThat(host.isConnected()).isTrue();
    }
  }

  @Test
  void aPassphraseProtectedKeyIsAskedOnceAndLogsIn() {
    AtomicInteger asked = new AtomicInteger();
    KeyPassphrases passphrases =
        key -> {
          asked.incrementAndGet();
          return Optional.of(Secret.of("correct horse battery"));
        };
    try (SshHost host =
        SshHost.connect(
            target(), options().identity(encryptedKey).passphrases(passphrases).build())) {
      assertThat(host.environment()).containsKey("HOME");
    }
    assertThat(asked).hasValue(1);
  }

  @Test
  void aWrongPassphraseIsAskedOnceAndTheRefusalNamesTheKeyButNoSecret() {
    AtomicInteger asked = new AtomicInteger();
    KeyPassphrases wrong =
        key -> {
          asked.incrementAndGet();
          return Optional.of(Secret.of("wrong-passphrase-canary"));
        };
    assertThatThrownBy(
            () ->
                SshHost.connect(
                    target(), options().identity(encryptedKey).passphrases(wrong).build()))
        .isInstanceOfSatisfying(
            SshException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(SshFailure.AUTH_REFUSED);
              assertThat(e.getMessage())
                  .contains(encryptedKey.toString())
                  .doesNotContain("wrong-passphrase-canary");
            });
    assertThat(asked).hasValue(1);
  }

  @Test
  void anUnknownKeyIsRefusedAndTheRefusalListsWhatWasTriedByFingerprint() throws Exception {
    String fingerprint = OpenSshServer.fingerprint(dir.resolve("id_stranger.pub"));
    assertThatThrownBy(() -> SshHost.connect(target(), options().identity(strangerKey).build()))
        .isInstanceOfSatisfying(
            SshException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(SshFailure.AUTH_REFUSED);
              assertThat(e.getMessage()).contains(fingerprint).contains(strangerKey.toString());
              assertThat(e.remedy()).isNotBlank();
            });
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    assertThatThrownBy(
            () ->
                SshHost.connect(
                    new SshTarget("127.0.0.1", closedPort, "root"),
                    options().identity(clientKey).build()))
        .isInstanceOfSatisfying(
            SshException.class, e -> assertThat(e.failure()).isEqualTo(SshFailure.UNREACHABLE));
  }

  @Test
  void aClosedConnectionEndsARunningCommandWithConnectionLostNotAHang() throws Exception {
    SshHost host = connect();
    RunningCommand running = host.commandRunner().start(shell("sleep 30175").withNewSession(true));
    long session = running.pid();
    try {
      host.close();
      assertThatThrownBy(() -> running.waitFor(Duration.ofSeconds(60)))
          .isInstanceOfSatisfying(
              SshException.class,
              e -> assertThat(e.failure()).isEqualTo(SshFailure.CONNECTION_LOST));
    } finally {
      // without a terminal, sshd does not signal a command whose connection ended: the remote
      // side is this machine, so the test stops what it started itself
      for (long pid : sessionMembers(session)) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /**
   * The processes of session {@code sid} on this machine that have not exited: a zombie (exited,
   * not yet reaped by init, which here reaps orphans a second or two late) is left out.
   */
  static List<Long> sessionMembers(long sid) throws IOException {
    List<Long> members = new ArrayList<>();
    try (var entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : entries) {
        try {
          String stat = Files.readString(entry.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          boolean exited = fields[0].equals("Z") || fields[0].equals("X");
          if (Long.parseLong(fields[3]) == sid && !exited) {
            members.add(Long.parseLong(entry.getFileName().toString()));
          }
        } catch (IOException | RuntimeException gone) {
          // the process ended meanwhile
        }
      }
    }
    return members;
  }

  /** The command lines of every process of this machine, arguments joined by spaces. */
  static List<String> commandLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (var entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : entries) {
        try {
          byte[] cmdline = Files.readAllBytes(entry.resolve("cmdline"));
          lines.add(new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' ').strip());
        } catch (IOException gone) {
          // the process ended meanwhile
        }
      }
    }
    return lines;
  }

  static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
