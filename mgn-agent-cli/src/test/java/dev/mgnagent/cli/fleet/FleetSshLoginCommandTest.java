package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Secret;
import dev.mgnagent.Sleeper;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.cli.Terminal;
import dev.mgnagent.testkit.ssh.FakeSshFleet;
import dev.mgnagent.testkit.ssh.FakeSshHost;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code fleet} commands' SSH secrets over a {@link FakeSshFleet}: an encrypted ed25519 key's
 * passphrase from {@code MGN_AGENT_SSH_KEY_PASSPHRASE} or asked once per key on the terminal, and
 * an SSH password from standard input or a prompt, never a flag value.
 */
class FleetSshLoginCommandTest {

  private static final String PASSPHRASE = "key-passphrase-Zr8";
  private static final String PASSWORD = "login-password-Wq3";

  @TempDir Path temp;
  private FakeSshFleet fleet;
  private Path key;
  private InputStream stdin;
  private final List<String> prompts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    stdin = System.in;
    fleet =
        FakeSshFleet.builder()
            .directory(temp.resolve("fleet"))
            .host("web-1", h -> h.password(Secret.of(PASSWORD)))
            .host("web-2", h -> h.password(Secret.of(PASSWORD)))
            .build()
            .start();
    key = fleet.clientKey(temp.resolve("keys"), Secret.of(PASSPHRASE));
    fleet.writeKnownHosts(temp.resolve("known_hosts"));
  }

  @AfterEach
  void stop() {
    System.setIn(stdin);
    fleet.close();
  }

  /** A terminal that answers every secret prompt with {@code answer} and records the prompts. */
  private Terminal terminal(String answer) {
    return new Terminal() {
      @Override
      public String readLine(String prompt) {
        prompts.add(prompt);
        return null;
      }

      @Override
      public char[] readPassword(String prompt) {
        prompts.add(prompt);
        return answer.toCharArray();
      }
    };
  }

  /** {@code fleet disks} on the given hosts, the first one's tree as the remote root. */
  private CliRun disks(
      Map<String, String> extraEnvironment,
      Optional<Terminal> console,
      List<FakeSshHost> hosts,
      String stdinText,
      String... extra)
      throws Exception {
    StringBuilder csv = new StringBuilder("host,port,user\n");
    for (FakeSshHost host : hosts) {
      csv.append(host.target().host())
          .append(',')
          .append(host.target().port())
          .append(',')
          .append(host.target().user())
          .append('\n');
    }
    Path inventory = Files.writeString(temp.resolve("hosts.csv"), csv.toString());
    Map<String, String> environment = new HashMap<>(extraEnvironment);
    environment.put("HOME", temp.resolve("home").toString()); // no keys of its own
    System.setIn(new ByteArrayInputStream(stdinText.getBytes(StandardCharsets.UTF_8)));
    List<String> args =
        new ArrayList<>(
            List.of(
                "fleet",
                "disks",
                "--inventory",
                inventory.toString(),
                "--known-hosts",
                temp.resolve("known_hosts").toString(),
                "--remote-root",
                hosts.get(0).root().toString()));
    args.addAll(List.of(extra));
    CliContext context =
        new CliContext(environment, Clock.systemUTC(), Sleeper.SYSTEM, false, console);
    return CliRun.withContext(context, args.toArray(String[]::new));
  }

  private FakeSshHost web1() {
    return fleet.host("web-1");
  }

  @Test
  void anEncryptedKeysPassphraseComesFromTheEnvironment() throws Exception {
    CliRun run =
        disks(
            Map.of("MGN_AGENT_SSH_KEY_PASSPHRASE", PASSPHRASE),
            Optional.empty(),
            List.of(web1()),
            "",
            "--identity",
            key.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains(": DONE").contains("/dev/");
  }

  @Test
  void withoutItsPassphraseAnEncryptedKeyIsSkippedAndTheLoginRefused() throws Exception {
    CliRun run =
        disks(Map.of(), Optional.empty(), List.of(web1()), "", "--identity", key.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("AUTH_REFUSED");
  }

  @Test
  void thePassphraseIsAskedOnceForAKeyManyHostsUse() throws Exception {
    CliRun run =
        disks(
            Map.of(),
            Optional.of(terminal(PASSPHRASE)),
            fleet.hosts(),
            "",
            "--identity",
            key.toString(),
            "--parallel",
            "2");

    assertThat(run.out()).doesNotContain("UNREACHABLE").doesNotContain("AUTH_REFUSED");
    assertThat(prompts).containsExactly("Passphrase for key " + key.toAbsolutePath() + ": ");
    assertThat(run.out() + run.err()).doesNotContain(PASSPHRASE);
  }

  @Test
  void theSshPasswordComesFromStandardInput() throws Exception {
    CliRun run =
        disks(Map.of(), Optional.empty(), List.of(web1()), PASSWORD + "\n", "--ssh-password-stdin");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains(": DONE").doesNotContain(PASSWORD);

    CliRun wrong =
        disks(Map.of(), Optional.empty(), List.of(web1()), "not-it\n", "--ssh-password-stdin");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.out()).contains("AUTH_REFUSED");
  }

  @Test
  void theSshPasswordIsAskedOnTheTerminal() throws Exception {
    CliRun run =
        disks(
            Map.of(),
            Optional.of(terminal(PASSWORD)),
            fleet.hosts(),
            "",
            "--ask-ssh-password",
            "--parallel",
            "2");

    assertThat(run.out()).doesNotContain("UNREACHABLE").doesNotContain("AUTH_REFUSED");
    assertThat(prompts).containsExactly("SSH password: ");
  }

  @Test
  void badWaysToGiveThePasswordExitTwoWithOneLine() throws Exception {
    CliRun noTerminal =
        disks(Map.of(), Optional.empty(), List.of(web1()), "", "--ask-ssh-password");
    assertThat(noTerminal.exitCode()).isEqualTo(2);
    assertThat(noTerminal.err().strip())
        .doesNotContain("\n")
        .contains("--ask-ssh-password")
        .contains("--ssh-password-stdin");

    CliRun twoStdin =
        disks(
            Map.of(),
            Optional.empty(),
            List.of(web1()),
            PASSWORD + "\n",
            "--ssh-password-stdin",
            "--sudo-password-stdin");
    assertThat(twoStdin.exitCode()).isEqualTo(2);
    assertThat(twoStdin.err()).contains("--ssh-password-stdin").contains("--sudo-password-stdin");

    CliRun asValue =
        disks(Map.of(), Optional.empty(), List.of(web1()), "", "--ssh-password", PASSWORD);
    assertThat(asValue.exitCode()).isEqualTo(2);
    assertThat(asValue.err()).doesNotContain(PASSWORD);
  }
}
