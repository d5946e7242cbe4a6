package dev.mgnagent.testkit.installer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * The light installer stand-in run as a process (bash and curl) against a fake MGN: it registers
 * the host of its tree, answers to its prompts, and fails as the installer does on bad keys.
 */
class LightInstallerTest {

  static final String KEY_ID = "AKIALIGHTINSTALLER01";
  static final String SECRET = "LightInstallerSecret+wJalrXUtnFEMI/K7MDENG";
  static final String TEMP_KEY_ID = "ASIALIGHTINSTALLER02";
  static final String TEMP_SECRET = "LightInstallerTempSecret/bPxRfiCYEXAMPLEKEY";
  static final String TOKEN = "LightInstallerSessionToken//FwoGZXIvYXdzEBYaDNOTREAL";
  static final Pattern ID =
      Pattern.compile("The following is the source server ID: (s-[0-9a-z]{17})\\.");

  @TempDir Path temp;
  private FakeMgn mgn;
  private Path host;
  private Path launcher;

  @BeforeEach
  void start() throws IOException {
    mgn = FakeMgn.builder().region("eu-west-3").initialized(true).build().start();
    mgn.addCredentials(AwsBasicCredentials.create(KEY_ID, SECRET), Set.of("*"));
    mgn.addCredentials(AwsSessionCredentials.create(TEMP_KEY_ID, TEMP_SECRET, TOKEN), Set.of("*"));
    host = FakeBlockDeviceScenarios.nitroNvme().writeTo(temp.resolve("host"));
    Files.createDirectories(host.resolve("proc/sys/kernel"));
    Files.writeString(host.resolve("proc/sys/kernel/hostname"), "light-1\n");
    Files.createDirectories(host.resolve("sys/class/net/eth0"));
    Files.writeString(host.resolve("sys/class/net/eth0/address"), "0a:11:22:33:44:55\n");
    launcher = temp.resolve("aws-replication-installer-init");
    Files.write(launcher, LightInstaller.builder().mgnEndpoint(mgn.endpoint()).build().launcher());
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
  }

  @AfterEach
  void stop() {
    mgn.close();
  }

  @Test
  void registersTheHostOfItsTreeWithTheChosenDisks() throws Exception {
    String disk = hostDisks().get(0);
    Run run =
        run(
            List.of(
                "--region",
                "eu-west-3",
                "--aws-access-key-id",
                KEY_ID,
                "--no-prompt",
                "--devices",
                disk,
                "--tags",
                "app=web",
                "team=blue",
                "--user-provided-id",
                "a-1"),
            SECRET + "\n");

    assertThat(run.status()).as(run.output()).isZero();
    assertThat(run.output()).contains("The AWS Replication Agent was successfully installed.");
    Matcher id = ID.matcher(run.output());
    assertThat(id.find()).as(run.output()).isTrue();
    SourceServer server = mgn.sourceServers().get(0);
    assertThat(mgn.sourceServers()).hasSize(1);
    assertThat(server.sourceServerID()).isEqualTo(id.group(1));
    assertThat(server.sourceProperties().identificationHints().hostname()).isEqualTo("light-1");
    assertThat(server.sourceProperties().networkInterfaces().get(0).macAddress())
        .isEqualTo("0A-11-22-33-44-55");
    assertThat(server.tags()).containsEntry("app", "web").containsEntry("team", "blue");
    assertThat(server.userProvidedID()).isEqualTo("a-1");
    assertThat(Files.isDirectory(host.resolve("var/lib/aws-replication-agent"))).isTrue();
    assertThat(run.output()).contains("Identified volume for replication: " + disk + " of size");
  }

  @Test
  void asksForWhatIsMissingAndTheTokenOfTemporaryKeys() throws Exception {
    Run run =
        run(List.of(), "eu-west-3\n" + TEMP_KEY_ID + "\n" + TEMP_SECRET + "\n" + TOKEN + "\n\n");

    assertThat(run.status()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("AWS Region Name: ")
        .contains("AWS Access Key ID: ")
        .contains("AWS Secret Access Key: ")
        .contains("AWS Session Token: ")
        .contains("To replicate all disks, press Enter: ")
        .doesNotContain(TEMP_SECRET)
        .doesNotContain(TOKEN);
    // Enter: every disk of the host
    for (String disk : hostDisks()) {
      assertThat(run.output()).contains("Identified volume for replication: " + disk + " ");
    }
    assertThat(mgn.sourceServers()).hasSize(1);
  }

  @Test
  void aWrongSecretFailsAsTheInstallerDoesAndRegistersNothing() throws Exception {
    Run run =
        run(
            List.of("--region", "eu-west-3", "--aws-access-key-id", KEY_ID, "--no-prompt"),
            "not-the-secret\n");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output())
        .contains("Installation failed.")
        .contains("Error details: Failed to validate AWS credentials");
    assertThat(mgn.sourceServers()).isEmpty();
    assertThat(Files.exists(host.resolve("var/lib/aws-replication-agent"))).isFalse();
  }

  private List<String> hostDisks() throws IOException {
    try (Stream<Path> blocks = Files.list(host.resolve("sys/block"))) {
      return blocks
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("loop") && !n.startsWith("dm-") && !n.startsWith("md"))
          .map(n -> "/dev/" + n)
          .sorted()
          .toList();
    }
  }

  record Run(int status, String output) {}

  private Run run(List<String> args, String stdin) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put(FakeInstaller.HOST_ROOT_VARIABLE, host.toString());
    builder.environment().put("TMPDIR", temp.toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    int status = process.waitFor();
    return new Run(status, output.join());
  }

  private static String read(InputStream in) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
