package dev.mgnagent.tests.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Secret;
import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandResult;
import dev.mgnagent.host.RunningCommand;
import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshFailure;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import dev.mgnagent.host.ssh.SudoMode;
import dev.mgnagent.testkit.ssh.EnabledIfOpenSshServer;
import dev.mgnagent.testkit.ssh.OpenSshServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sudo through the real sshd: the login's PATH (sshd's {@code SetEnv}) finds a stand-in {@code
 * sudo} that behaves as sudo's manual and messages say, so the prompt answered on stdin, the marker
 * removed from stderr, and each typed refusal are exercised over real exec channels.
 */
@EnabledIfOpenSshServer
class SshSudoOpenSshTest {

  static final String SUDO_PASSWORD = "SudoCanaryPassword-7f3a9";

  @TempDir static Path dir;

  static OpenSshServer server;
  static Path clientKey;
  static Path knownHosts;
  static Path bin;

  @BeforeAll
  static void startServer() throws Exception {
    clientKey = dir.resolve("id_ed25519");
    OpenSshServer.keygen(clientKey, "ed25519", "");
    bin = dir.resolve("bin");
    Files.createDirectories(bin);
    try (InputStream script = SshSudoOpenSshTest.class.getResourceAsStream("fake-sudo")) {
      Files.copy(script, bin.resolve("sudo"));
    }
    Files.setPosixFilePermissions(
        bin.resolve("sudo"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(bin.resolve("password"), SUDO_PASSWORD + "\n");
    server =
        OpenSshServer.start(
            dir.resolve("sshd"),
            List.of(Files.readString(dir.resolve("id_ed25519.pub")).strip()),
            List.of("SetEnv PATH=" + bin + ":/usr/sbin:/usr/bin:/sbin:/bin"));
    knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, server.knownHostsLine() + "\n");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void resetLogs() throws Exception {
    Files.deleteIfExists(bin.resolve("argv.log"));
    Files.deleteIfExists(bin.resolve("prompts.log"));
  }

  private static void mode(String mode) throws Exception {
    Files.writeString(bin.resolve("mode"), mode + "\n");
  }

  private static SshHost connect(SudoMode mode, Optional<String> password) {
    SshOptions.Builder options =
        SshOptions.builder(Map.of())
            .knownHosts(knownHosts)
            .identity(clientKey)
            .sudo(mode)
            .killGrace(Duration.ofSeconds(2))
            .connectTimeout(Duration.ofSeconds(20));
    password.ifPresent(p -> options.sudoPassword(Secret.of(p)));
    return SshHost.connect(
        new SshTarget("127.0.0.1", server.port(), OpenSshServer.user()), options.build());
  }

  private static Command shell(String script) {
    return new Command(
        List.of("sh", "-c", script), Map.of("PATH", "/usr/bin:/bin"), Optional.empty(), false);
  }

  @Test
  void nonInteractiveSudoRunsTheCommandThroughSudoN() throws Exception {
    mode("nopasswd");
    try (SshHost host = connect(SudoMode.NON_INTERACTIVE, Optional.empty())) {
      CommandResult result =
          CommandResult.run(host.commandRunner(), shell("echo as-root"), Duration.ofSeconds(30));
      assertThat(result.exitCode()).hasValue(0);
      assertThat(result.stdout()).isEqualTo("as-root\n");
    }
    assertThat(Files.readString(bin.resolve("argv.log"))).startsWith("-n -- sh -c ");
  }

  @Test
  void nonInteractiveSudoThatNeedsAPasswordIsTyped() throws Exception {
    mode("password");
    try (SshHost host = connect(SudoMode.NON_INTERACTIVE, Optional.empty())) {
      assertThatThrownBy(() -> host.commandRunner().start(shell("true")))
          .isInstanceOfSatisfying(
              SshException.class,
              e -> assertThat(e.failure()).isEqualTo(SshFailure.SUDO_PASSWORD_REQUIRED));
    }
  }

  @Test
  void thePasswordIsTypedOnStdinAtTheRandomPromptWhichNeverReachesTheCaller() throws Exception {
    mode("password");
    try (SshHost host = connect(SudoMode.WITH_PASSWORD, Optional.of(SUDO_PASSWORD));
        RunningCommand running =
            host.commandRunner()
                .start(shell("read line; echo \"got $line\"; echo to-stderr >&2; exit 7"))) {
      running.stdin().write("after the password\n".getBytes(StandardCharsets.UTF_8));
      assertThat(running.waitFor(Duration.ofSeconds(30))).hasValue(7);
      assertThat(SshHostOpenSshTest.readAll(running.stdout()))
          .isEqualTo("got after the password\n");
      String stderr = SshHostOpenSshTest.readAll(running.stderr());
      assertThat(stderr).contains("to-stderr").doesNotContain("mgn-agent-sudo");
    }
    String argv = Files.readString(bin.resolve("argv.log"));
    assertThat(argv).startsWith("-S -p [mgn-agent-sudo:").doesNotContain(SUDO_PASSWORD);
    assertThat(Files.readAllLines(bin.resolve("prompts.log"))).hasSize(1);
  }

  @Test
  void aWrongSudoPasswordIsTypedOnceAndRefused() throws Exception {
    mode("password");
    try (SshHost host = connect(SudoMode.WITH_PASSWORD, Optional.of("not-the-password"))) {
      assertThatThrownBy(() -> host.commandRunner().start(shell("true")))
          .isInstanceOfSatisfying(
              SshException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(SshFailure.SUDO_DENIED);
                assertThat(e.getMessage()).doesNotContain("not-the-password");
              });
    }
    assertThat(Files.readAllLines(bin.resolve("prompts.log"))).hasSize(2);
  }

  @Test
  void requirettyAndAMissingRuleAreTyped() throws Exception {
    mode("requiretty");
    try (SshHost host = connect(SudoMode.NON_INTERACTIVE, Optional.empty())) {
      assertThatThrownBy(() -> host.commandRunner().start(shell("true")))
          .isInstanceOfSatisfying(
              SshException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(SshFailure.SUDO_REQUIRETTY);
                assertThat(e.remedy()).contains("requiretty");
              });
      mode("denied");
      assertThatThrownBy(() -> host.commandRunner().start(shell("true")))
          .isInstanceOfSatisfying(
              SshException.class, e -> assertThat(e.failure()).isEqualTo(SshFailure.SUDO_DENIED));
    }
  }

  @Test
  void theTreeKillGoesThroughSudoWithThePasswordOnStdinToo() throws Exception {
    mode("password");
    try (SshHost host = connect(SudoMode.WITH_PASSWORD, Optional.of(SUDO_PASSWORD))) {
      RunningCommand running =
          host.commandRunner().start(shell("echo ready; sleep 30176").withNewSession(true));
      assertThat(new String(running.stdout().readNBytes(6), StandardCharsets.UTF_8))
          .isEqualTo("ready\n");
      long session = running.pid();
      running.killTree();
      running.close();
      assertThat(SshHostOpenSshTest.sessionMembers(session)).isEmpty();
    }
    List<String> calls = Files.readAllLines(bin.resolve("argv.log"));
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1)).contains("pkill -TERM -s");
    assertThat(String.join("\n", calls)).doesNotContain(SUDO_PASSWORD);
  }
}
