package dev.mgnagent.testkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The fake hosts' sudo in every mode, run over exec channels (never with a terminal). */
// one fleet for the class: each test uses its own hosts or leaves no state behind
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeSudoTest {

  @TempDir static Path temp;
  private FakeSshFleet fleet;
  private MinaClient client;
  private KeyPair key;

  @BeforeAll
  void start() throws Exception {
    fleet =
        FakeSshFleet.builder()
            .directory(temp.resolve("fleet"))
            .host("nopasswd")
            .host("password", h -> h.sudoNeedsPassword(Secret.of("s3cret pass")))
            .host("requiretty", FakeSshHostBuilder::sudoRequiretty)
            .host("both", h -> h.sudoRequiretty().sudoNeedsPassword(Secret.of("s3cret pass")))
            .build()
            .start();
    client = new MinaClient();
    key = MinaClient.loadKey(fleet.clientKey(temp.resolve("keys")), null);
  }

  @AfterAll
  void stop() {
    client.close();
    fleet.close();
  }

  private MinaClient.Result run(String host, String command, String stdin) throws Exception {
    try (ClientSession session = client.login(fleet.host(host), key)) {
      return MinaClient.exec(session, command, stdin);
    }
  }

  @Test
  void withoutAPasswordSudoRunsTheCommandWithItsStdinAndExitStatus() throws Exception {
    MinaClient.Result result = run("nopasswd", "sudo -n sh -c 'cat; exit 4'", "piped\n");

    assertThat(result.out()).isEqualTo("piped\n");
    assertThat(result.err()).isEmpty();
    assertThat(result.status()).isEqualTo(4);
  }

  @Test
  void sudoResetsTheEnvironmentKeepingTheHostRootAndSettingItsOwnVariables() throws Exception {
    MinaClient.Result result = run("nopasswd", "LC_PAPER=fr_FR.UTF-8 LEAK=yes sudo -H -n env", "");

    assertThat(result.status()).isZero();
    assertThat(result.out().lines())
        .contains(
            "USER=root",
            "SUDO_USER=ec2-user",
            "SUDO_UID=" + id("-u"),
            "SUDO_GID=" + id("-g"),
            "LC_PAPER=fr_FR.UTF-8",
            "MGNAGENT_FAKE_HOST_ROOT=" + fleet.host("nopasswd").root())
        .noneMatch(line -> line.startsWith("LEAK="))
        .anyMatch(line -> line.startsWith("PATH=" + fleet.host("nopasswd").binDirectory() + ":"));
  }

  @Test
  void anUnknownCommandIsReportedAsSudoDoes() throws Exception {
    MinaClient.Result result = run("nopasswd", "sudo -n no-such-command-here", "");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("sudo: no-such-command-here: command not found\n");
  }

  @Test
  void nonInteractiveSudoFailsWhenAPasswordIsNeeded() throws Exception {
    MinaClient.Result result = run("password", "sudo -n touch ran", "s3cret pass\n");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("sudo: a password is required\n");
    assertThat(fleet.host("password").home().resolve("ran")).doesNotExist();
  }

  @Test
  void withoutStdinOrATerminalSudoCannotAskForThePassword() throws Exception {
    MinaClient.Result result = run("password", "sudo true", "s3cret pass\n");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "sudo: a terminal is required to read the password; either use the -S option to read"
                + " from standard input or configure an askpass helper\n"
                + "sudo: a password is required\n");
  }

  @Test
  void sudoReadsThePasswordFromStdinAfterItsPromptThenTheCommandGetsTheRest() throws Exception {
    MinaClient.Result result =
        run(
            "password",
            "sudo -S -p '[mgn-agent sudo 4f2a] password:' cat",
            "s3cret pass\nfor the command\n");

    assertThat(result.status()).isZero();
    assertThat(result.err()).isEqualTo("[mgn-agent sudo 4f2a] password:");
    assertThat(result.out()).isEqualTo("for the command\n");
  }

  @Test
  void theDefaultPromptNamesTheUser() throws Exception {
    MinaClient.Result result = run("password", "sudo -S true", "s3cret pass\n");

    assertThat(result.status()).isZero();
    assertThat(result.err()).isEqualTo("[sudo] password for ec2-user: ");
  }

  @Test
  void aWrongPasswordIsRetriedAndTheThirdFailureEndsSudo() throws Exception {
    MinaClient.Result wrongThenRight =
        run("password", "sudo -S -p P: echo in", "wrong\ns3cret pass\n");
    assertThat(wrongThenRight.status()).isZero();
    assertThat(wrongThenRight.err()).isEqualTo("P:Sorry, try again.\nP:");
    assertThat(wrongThenRight.out()).isEqualTo("in\n");

    MinaClient.Result threeWrong = run("password", "sudo -S -p P: touch ran", "a\nb\nc\nd\n");
    assertThat(threeWrong.status()).isEqualTo(1);
    assertThat(threeWrong.err())
        .isEqualTo(
            "P:Sorry, try again.\nP:Sorry, try again.\nP:sudo: 3 incorrect password attempts\n");
    assertThat(fleet.host("password").home().resolve("ran")).doesNotExist();
  }

  @Test
  void noPasswordOnStdinIsReported() throws Exception {
    MinaClient.Result result = run("password", "sudo -S -p P: true", "");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("P:sudo: no password was provided\nsudo: a password is required\n");
  }

  @Test
  void requirettyRefusesEveryModeWithoutATerminal() throws Exception {
    for (String host : new String[] {"requiretty", "both"}) {
      for (String command : new String[] {"sudo -n touch ran", "sudo -S -p P: touch ran"}) {
        MinaClient.Result result = run(host, command, "s3cret pass\n");

        assertThat(result.status()).as(host + ": " + command).isEqualTo(1);
        assertThat(result.err())
            .as(host + ": " + command)
            .isEqualTo("sudo: sorry, you must have a tty to run sudo\n");
      }
      assertThat(fleet.host(host).home().resolve("ran")).doesNotExist();
    }
  }

  @Test
  void thePasswordIsKeptOnlyAsItsDigest() throws Exception {
    String script = Files.readString(fleet.host("password").binDirectory().resolve("sudo"));

    assertThat(script).doesNotContain("s3cret");
    assertThat(script).contains("https://github.com/sudo-project/sudo/");
  }

  /** What id(1) says for this process's user, who runs the fake host's commands. */
  private static String id(String option) throws Exception {
    Process id = new ProcessBuilder("id", option).redirectErrorStream(true).start();
    String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(id.waitFor()).isZero();
    return out;
  }
}
