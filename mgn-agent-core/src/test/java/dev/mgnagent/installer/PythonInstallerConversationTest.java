package dev.mgnagent.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.selection.SelectedDisk;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionReason;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The real {@link AgentRegistrar} and the real command runner against a small Python program that
 * asks the way Python programs do: {@code input()} on a block-buffered stdout, and {@code
 * getpass.getpass()}, which without a controlling terminal prints a warning and its prompt on
 * stderr. Nothing here is our own imitation of the installer's streams: CPython decides them.
 */
class PythonInstallerConversationTest {

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";

  private static final String SCRIPT =
      String.join(
          "\n",
          "import getpass, os, sys",
          "here = os.path.dirname(os.path.abspath(__file__))",
          "args = sys.argv[1:]",
          "def opt(name):",
          "    return args[args.index(name) + 1] if name in args else None",
          "print('The installation of the AWS Replication Agent has started.')",
          "region = opt('--region') or input('AWS Region Name: ')",
          "key = opt('--aws-access-key-id') or input('AWS Access Key ID: ')",
          "secret = getpass.getpass('AWS Secret Access Key: ')",
          "token = getpass.getpass('AWS Session Token: ') if key.startswith('ASIA') else ''",
          "expected = open(os.path.join(here, 'expected')).read().split('\\n')",
          "if secret != expected[0] or token != expected[1]:",
          "    print('Failed to validate AWS credentials')",
          "    sys.exit(1)",
          "print('Identifying volumes for replication.')",
          "if os.path.exists(os.path.join(here, 'ask-proxy')):",
          "    input('Proxy address [none]: ')",
          "print('Choose the disks you want to replicate. Your disks are: /dev/xvda,/dev/nvme0n1')",
          "disks = input('To replicate some of the disks, type the path of the disks, separated with a"
              + " comma (for example, /dev/sda,/dev/sdb). To replicate all disks, press Enter: ')",
          "open(os.path.join(here, 'disks-answer'), 'w').write(disks)",
          "for d in (disks or '/dev/xvda,/dev/nvme0n1').split(','):",
          "    print('Identified volume for replication: %s of size 8 GiB' % d)",
          "print('All volumes for replication were successfully identified.')",
          "print('The following is the source server ID: s-3af3a4dfe4d95c45f.')",
          "print('The AWS Replication Agent was successfully installed.')",
          "");

  @TempDir Path temp;

  private final List<MgnAgentEvent> events = new CopyOnWriteArrayList<>();
  private Path script;

  @BeforeEach
  void writeScript() throws Exception {
    assumeTrue(
        onPath("python3"),
        "python3 is not installed: the Python installer conversation"
            + " cannot be tested on this machine");
    script = temp.resolve("aws-replication-installer-init.py");
    Files.writeString(script, SCRIPT);
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private VerificationResult.Verified verified() throws Exception {
    return new VerificationResult.Verified(
        script,
        Files.size(script),
        "0".repeat(128),
        URI.create("file:" + script),
        InstallerFlavor.PYTHON);
  }

  private static Selection selection(String path, String name) {
    return new Selection(
        List.of(new SelectedDisk(path, name, 8L << 30, Set.of(SelectionReason.ROOT))),
        List.of(),
        false);
  }

  private RegistrationRequest request(AwsCredentials keys) {
    return RegistrationRequest.builder()
        .region(Region.EU_WEST_3)
        .credentials(StaticCredentialsProvider.create(keys))
        .selection(selection("/dev/xvda", "nvme0n1"))
        .build();
  }

  private AgentRegistrar.Builder registrar() {
    return AgentRegistrar.builder()
        .host(LocalHost.create())
        .runAsRoot(true)
        .timeout(Duration.ofMinutes(2))
        .eventListener(events::add);
  }

  @Test
  void secretPromptOnStderrFromGetpassIsAnswered() throws Exception {
    Files.writeString(temp.resolve("expected"), SECRET + "\n");

    Registration registration =
        registrar()
            .build()
            .register(
                verified(), request(AwsBasicCredentials.create("AKIAEXAMPLEKEYID0001", SECRET)));

    assertThat(registration.sourceServerId().value()).isEqualTo("s-3af3a4dfe4d95c45f");
    assertThat(Files.readString(temp.resolve("disks-answer"))).isEqualTo("/dev/xvda");
    assertThat(events)
        .filteredOn(InstallerOutput.class::isInstance)
        .map(e -> (InstallerOutput) e)
        .anyMatch(o -> o.stderr() && o.line().equals("AWS Secret Access Key: ****"))
        .noneMatch(o -> o.line().contains(SECRET));
  }

  @Test
  void sessionTokenPromptOnStderrIsAnswered() throws Exception {
    Files.writeString(temp.resolve("expected"), SECRET + "\n" + TOKEN);

    Registration registration =
        registrar()
            .build()
            .register(
                verified(),
                request(AwsSessionCredentials.create("ASIAEXAMPLEKEYID0001", SECRET, TOKEN)));

    assertThat(registration.sourceServerId().value()).isEqualTo("s-3af3a4dfe4d95c45f");
    assertThat(events)
        .filteredOn(InstallerPromptAnswered.class::isInstance)
        .extracting(e -> ((InstallerPromptAnswered) e).prompt())
        .containsExactly(
            "AWS Secret Access Key:", "AWS Session Token:", "To replicate all disks, press Enter:");
  }

  @Test
  void unknownPromptStopsTheInstallerAndKeepsWhatItPrinted() throws Exception {
    Files.writeString(temp.resolve("expected"), SECRET + "\n");
    Files.writeString(temp.resolve("ask-proxy"), "");
    // every look at this clock moves it one second: the 60 s wait passes without waiting
    Clock hurried = new HurriedClock();

    assertThatThrownBy(
            () ->
                registrar()
                    .clock(hurried)
                    .timeout(Duration.ofMinutes(10))
                    .build()
                    .register(
                        verified(),
                        request(AwsBasicCredentials.create("AKIAEXAMPLEKEYID0001", SECRET))))
        .isInstanceOfSatisfying(
            InstallerFailedException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(InstallerFailure.UNKNOWN_PROMPT);
              assertThat(e.getMessage())
                  .contains("\"Proxy address [none]:\"")
                  .contains("run the installer by hand");
              assertThat(e.exitCode()).isEmpty();
              assertThat(e.lastLines())
                  .contains("Identifying volumes for replication.", "Proxy address [none]: ");
            });
    assertThat(temp.resolve("disks-answer")).doesNotExist();
  }

  /** A clock that moves one second forward each time it is read. */
  private static final class HurriedClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public synchronized Instant instant() {
      now = now.plusSeconds(1);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
