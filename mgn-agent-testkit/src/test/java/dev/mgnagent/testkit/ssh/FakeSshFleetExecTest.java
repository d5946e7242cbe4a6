package dev.mgnagent.testkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;
import org.apache.sshd.sftp.client.fs.SftpFileSystemProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exec, SFTP, authentication and the record of commands on healthy fake hosts. */
class FakeSshFleetExecTest {

  @TempDir Path temp;
  private FakeSshFleet fleet;
  private MinaClient client;
  private KeyPair key;

  @BeforeEach
  void start() throws Exception {
    fleet =
        FakeSshFleet.builder()
            .directory(temp.resolve("fleet"))
            .host("web-1")
            .host("web-2", h -> h.password(Secret.of("letmein")).macAddress("0a:11:22:33:44:55"))
            .build()
            .start();
    client = new MinaClient();
    key = MinaClient.loadKey(fleet.clientKey(temp.resolve("keys")), null);
  }

  @AfterEach
  void stop() {
    client.close();
    fleet.close();
  }

  @Test
  void execRunsARealProcessWithStdinStdoutStderrAndTheExitStatus() throws Exception {
    try (ClientSession session = client.login(fleet.host("web-1"), key)) {
      MinaClient.Result result =
          MinaClient.exec(session, "tr a-z A-Z; echo \"to stderr $$\" >&2; exit 7", "hello\n");

      assertThat(result.status()).isEqualTo(7);
      assertThat(result.out()).isEqualTo("HELLO\n");
      FakeSshProcess process = fleet.host("web-1").processes().get(0);
      assertThat(process.command()).isEqualTo("tr a-z A-Z; echo \"to stderr $$\" >&2; exit 7");
      // $$ is the pid of bash -c: the recorded pid is the real process
      assertThat(result.err()).isEqualTo("to stderr " + process.pid() + "\n");
      assertThat(process.exitStatus()).hasValue(7);
      assertThat(fleet.host("web-2").processes()).isEmpty();
    }
  }

  @Test
  void commandsRunInTheHostsLoginEnvironmentWithoutATerminal() throws Exception {
    FakeSshHost host = fleet.host("web-1");
    try (ClientSession session = client.login(host, key)) {
      MinaClient.Result result =
          MinaClient.exec(
              session,
              "echo \"$PATH\"; echo \"$HOME\"; echo \"$USER\"; echo \"$MGNAGENT_FAKE_HOST_ROOT\";"
                  + " pwd; command -v sudo; if ( : </dev/tty ) 2>/dev/null; then echo tty; else"
                  + " echo no-tty; fi");

      assertThat(result.out().lines().toList())
          .containsExactly(
              host.binDirectory() + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
              host.home().toString(),
              "ec2-user",
              host.root().toString(),
              host.home().toString(),
              host.binDirectory().resolve("sudo").toString(),
              "no-tty");
    }
  }

  @Test
  void eachHostHasItsOwnTreeHostnameAndMac() throws Exception {
    FakeSshHost one = fleet.host("web-1");
    FakeSshHost two = fleet.host("web-2");

    assertThat(one.root()).isNotEqualTo(two.root());
    assertThat(Files.readString(one.root().resolve("proc/sys/kernel/hostname")))
        .isEqualTo("web-1\n");
    assertThat(Files.readString(two.root().resolve("proc/sys/kernel/hostname")))
        .isEqualTo("web-2\n");
    assertThat(Files.readString(two.root().resolve("sys/class/net/eth0/address")))
        .isEqualTo("0a:11:22:33:44:55\n");
    assertThat(one.macAddress()).isNotEqualTo(two.macAddress());
    assertThat(one.root().resolve("etc/os-release")).exists();
    assertThat(one.target().port()).isNotEqualTo(two.target().port());
    assertThat(one.servedHostKeyFingerprint()).isNotEqualTo(two.servedHostKeyFingerprint());
  }

  @Test
  void sftpReadsTheHostTreeAtItsRealAbsolutePathAndExecSeesWhatSftpWrote() throws Exception {
    FakeSshHost host = fleet.host("web-2");
    try (ClientSession session = client.login(host, key);
        SftpFileSystem sftp =
            new SftpFileSystemProvider(client.sshClient()).newFileSystem(session)) {
      Path remote = sftp.getPath(host.root().resolve("proc/sys/kernel/hostname").toString());
      assertThat(Files.readString(remote)).isEqualTo("web-2\n");

      Path written = sftp.getPath(host.home().resolve("upload.txt").toString());
      Files.writeString(written, "uploaded over sftp\n");
      assertThat(MinaClient.exec(session, "cat " + host.home().resolve("upload.txt")).out())
          .isEqualTo("uploaded over sftp\n");
    }
  }

  @Test
  void aRunningCommandsProcessTreeCanBeReadFromProcAndKilledThroughItsSession() throws Exception {
    FakeSshHost host = fleet.host("web-1");
    try (ClientSession session = client.login(host, key)) {
      ChannelExec channel = session.createExecChannel("sleep 300; echo never");
      channel.open().verify(MinaClient.TIMEOUT);
      FakeSshProcess process =
          host.awaitProcess(p -> p.command().startsWith("sleep 300"), MinaClient.TIMEOUT);

      // setsid execs bash in place: the same pid, first as setsid, then as bash
      String cmdline = cmdlineOnceItIsBash(process.pid());
      assertThat(cmdline).isEqualTo("bash\0-c\0sleep 300; echo never\0");
      assertThat(process.exitStatus()).isEmpty();
      List<Long> tree = treeOnceSleepRuns(process);
      assertThat(tree).hasSizeGreaterThanOrEqualTo(2).startsWith(process.pid());

      // as with sshd without a terminal, closing the channel sends no signal
      channel.close(true);
      assertThat(ProcessHandle.of(tree.get(1)).map(ProcessHandle::isAlive)).hasValue(true);

      // each command is a session of its own: killing the session ends the tree
      MinaClient.Result kill = MinaClient.exec(session, "kill -TERM -- -" + process.pid());
      assertThat(kill.status()).as(kill.err()).isZero();
      for (long pid : tree) {
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
      }
      assertThat(tree).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
    }
  }

  @Test
  void closingTheFleetKillsCommandsStillRunning() throws Exception {
    FakeSshHost host = fleet.host("web-2");
    List<Long> tree;
    try (ClientSession session = client.login(host, key)) {
      ChannelExec channel = session.createExecChannel("sleep 300");
      channel.open().verify(MinaClient.TIMEOUT);
      FakeSshProcess process =
          host.awaitProcess(p -> p.command().equals("sleep 300"), MinaClient.TIMEOUT);
      tree = process.processTree();
      assertThat(tree).isNotEmpty();
    }

    fleet.close();

    for (long pid : tree) {
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }
    assertThat(tree).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
  }

  @Test
  void aPasswordIsAcceptedWhereTheHostHasOneAndAWrongOneIsRefused() throws Exception {
    try (ClientSession session = client.connect(fleet.host("web-2"))) {
      session.addPasswordIdentity("letmein");
      session.auth().verify(MinaClient.TIMEOUT);
      assertThat(MinaClient.exec(session, "echo in").out()).isEqualTo("in\n");
    }
    try (ClientSession session = client.connect(fleet.host("web-2"))) {
      session.addPasswordIdentity("wrong");
      assertThatThrownBy(() -> session.auth().verify(MinaClient.TIMEOUT))
          .isInstanceOf(IOException.class);
    }
    try (ClientSession session = client.connect(fleet.host("web-1"))) {
      session.addPasswordIdentity("letmein");
      assertThatThrownBy(() -> session.auth().verify(MinaClient.TIMEOUT))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void theClientKeyWithAPassphraseOpensOnlyWithIt() throws Exception {
    Path file = fleet.clientKey(temp.resolve("locked"), Secret.of("open sesame"));

    assertThat(Files.readString(file)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThatThrownBy(() -> MinaClient.loadKey(file, "wrong")).isInstanceOf(Exception.class);
    KeyPair unlocked = MinaClient.loadKey(file, "open sesame");
    try (ClientSession session = client.login(fleet.host("web-1"), unlocked)) {
      assertThat(MinaClient.exec(session, "echo ok").out()).isEqualTo("ok\n");
    }
  }

  @Test
  void anotherKeyOrAnotherUserIsRefused() throws Exception {
    KeyPair stranger =
        org.apache.sshd.common.config.keys.KeyUtils.generateKeyPair("ssh-ed25519", 256);
    try (ClientSession session = client.connect(fleet.host("web-1"))) {
      session.addPublicKeyIdentity(stranger);
      assertThatThrownBy(() -> session.auth().verify(MinaClient.TIMEOUT))
          .isInstanceOf(IOException.class);
    }
    FakeSshTarget t = fleet.host("web-1").target();
    try (ClientSession session =
        client
            .sshClient()
            .connect("root", t.host(), t.port())
            .verify(MinaClient.TIMEOUT)
            .getSession()) {
      session.addPublicKeyIdentity(key);
      assertThatThrownBy(() -> session.auth().verify(MinaClient.TIMEOUT))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void theKnownHostsFileHasOneLinePerHostInOpenSshForm() throws Exception {
    Path file = fleet.writeKnownHosts(temp.resolve("ssh/known_hosts"));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines)
        .containsExactly(fleet.host("web-1").hostKeyLine(), fleet.host("web-2").hostKeyLine());
    assertThat(lines.get(0))
        .matches(
            "\\[127\\.0\\.0\\.1\\]:"
                + fleet.host("web-1").target().port()
                + " ssh-ed25519 AAAA\\S+");
    assertThat(fleet.host("web-1").hostKeyFingerprint()).startsWith("SHA256:");
  }

  @Test
  void oneClientRunsCommandsOnEveryHostAtOnce() throws Exception {
    List<CompletableFuture<String>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      for (FakeSshHost host : fleet.hosts()) {
        int n = i;
        runs.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try (ClientSession session = client.login(host, key)) {
                    return MinaClient.exec(session, "echo " + host.name() + "-" + n).out();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
      }
    }

    assertThat(runs.stream().map(CompletableFuture::join).toList())
        .containsExactlyInAnyOrder(
            "web-1-0\n",
            "web-2-0\n",
            "web-1-1\n",
            "web-2-1\n",
            "web-1-2\n",
            "web-2-2\n",
            "web-1-3\n",
            "web-2-3\n");
    assertThat(fleet.host("web-1").processes()).hasSize(4);
    assertThat(fleet.host("web-2").processes()).hasSize(4);
  }

  @Test
  void aSecondStartIsRefused() {
    assertThatThrownBy(() -> fleet.start()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> fleet.host("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theEndOfStdinReachesTheProcess() throws Exception {
    try (ClientSession session = client.login(fleet.host("web-1"), key)) {
      MinaClient.Result result = MinaClient.exec(session, "wc -c", "x".repeat(100_000));
      assertThat(result.out().strip()).isEqualTo("100000");
      assertThat(result.status()).isZero();
    }
  }

  private static List<Long> treeOnceSleepRuns(FakeSshProcess process) {
    long deadline = System.nanoTime() + MinaClient.TIMEOUT.toNanos();
    while (true) {
      List<Long> tree = process.processTree();
      if (tree.size() >= 2 || System.nanoTime() > deadline) {
        return tree;
      }
      Thread.onSpinWait();
    }
  }

  private static String cmdlineOnceItIsBash(long pid) throws IOException {
    long deadline = System.nanoTime() + MinaClient.TIMEOUT.toNanos();
    while (true) {
      String cmdline =
          new String(
              Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
      if (cmdline.startsWith("bash\0") || System.nanoTime() > deadline) {
        return cmdline;
      }
      Thread.onSpinWait();
    }
  }
}
