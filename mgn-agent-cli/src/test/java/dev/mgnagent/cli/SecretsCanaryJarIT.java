package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import dev.mgnagent.testkit.junit.EnabledIfScript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A canary secret key and session token (temporary ASIA keys) through {@code mgn-agent install}
 * from the shaded jar with every logger at debug level: with keys and {@code --no-prompt}, from a
 * profile in {@code AWS_SHARED_CREDENTIALS_FILE}, typed at the prompt under a pseudo-terminal, and
 * with an installer that echoes the secret in an error line. Neither value may appear on stdout,
 * stderr (the debug logs), in the JSON, the fake MGN's recorded requests, the installer's argv, or
 * any file under the test's, the sandbox's or mgn-agent's temporary directories.
 */
class SecretsCanaryJarIT {

  static final String KEY_ID = "ASIACANARY0000000022";
  static final String SECRET = "CanaryJarSecret+wJalrXUtnFEMI/K7MDENGbPxRfiCY";
  static final String TOKEN = "CanaryJarSessionToken//FwoGZXIvYXdzEBYaDNOTREAL000";

  @TempDir Path temp;

  private Path host;
  private SandboxServers sandbox;
  private Path credentials;
  private Set<String> tempBefore;

  /** The java.io.tmpdir of the mgn-agent processes: this test's own, never the shared /tmp. */
  private Path childTmp;

  @BeforeEach
  void start() throws Exception {
    childTmp = Files.createDirectories(temp.resolve("tmp"));
    tempBefore = mgnAgentTemporaryEntries();
    host = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("host"));
    sandbox = SandboxServers.start("eu-west-3", host);
    AwsSessionCredentials canary = AwsSessionCredentials.create(KEY_ID, SECRET, TOKEN);
    sandbox.mgn().addCredentials(canary, Set.of("*"));
    // --initialize-service goes through the sandbox's IAM, STS and EC2 with the same keys
    sandbox.iam().addCredentials(canary, Set.of("iam:*"));
    sandbox.sts().addCredentials(canary);
    sandbox.ec2().addCredentials(canary, Set.of("ec2:*"));
    credentials = Files.createTempDirectory("canary-credentials-");
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
    deleteTree(sandbox.directory());
    deleteTree(credentials);
  }

  private List<String> command(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ChildJvm.java(),
                ChildJvm.C1_ONLY,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "-Djava.io.tmpdir=" + childTmp,
                "-jar",
                Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar"))
                    .toAbsolutePath()
                    .toString(),
                "install",
                "--region",
                "eu-west-3",
                "--endpoint",
                sandbox.mgn().endpoint().toString(),
                "--s3-endpoint",
                sandbox.bucket().endpoint().toString(),
                "--sha512",
                sandbox.bucket().sha512(dev.mgnagent.installer.InstallerFlavor.BINARY),
                "--skip-preflight",
                "--iam-endpoint",
                sandbox.iam().endpoint().toString(),
                "--sts-endpoint",
                sandbox.sts().endpoint().toString(),
                "--ec2-endpoint",
                sandbox.ec2().endpoint().toString(),
                "--host-root",
                host.toString(),
                "--initialize-service"));
    command.addAll(List.of(args));
    return command;
  }

  record Run(int exit, String stdout, String stderr) {}

  private Run run(Map<String, String> environment, List<String> command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<byte[]> out =
        CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        new String(out.get(), StandardCharsets.UTF_8),
        new String(err.get(), StandardCharsets.UTF_8));
  }

  @Test
  void keysWithNoPrompt() throws Exception {
    Run run =
        run(
            Map.of(),
            command(
                "--no-prompt",
                "--json",
                "--aws-access-key-id",
                KEY_ID,
                "--aws-secret-access-key",
                SECRET,
                "--aws-session-token",
                TOKEN));

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("\"type\":\"result\"");
    assertThat(run.stderr()).as("debug logging is on").contains("DEBUG");
    assertClean(run.stdout() + run.stderr());
  }

  @Test
  void aProfileFromTheSharedCredentialsFile() throws Exception {
    Path file = credentials.resolve("credentials");
    Files.writeString(
        file,
        "[canary]\naws_access_key_id = "
            + KEY_ID
            + "\naws_secret_access_key = "
            + SECRET
            + "\naws_session_token = "
            + TOKEN
            + "\n");

    Run run =
        run(
            Map.of(
                "AWS_SHARED_CREDENTIALS_FILE",
                file.toString(),
                "AWS_CONFIG_FILE",
                credentials.resolve("none").toString()),
            command("--no-prompt", "--json", "--profile", "canary"));

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("profile");
    assertClean(run.stdout() + run.stderr());
  }

  @Test
  void anInstallerThatEchoesTheSecret() throws Exception {
    sandbox.installer().failWith(FakeInstallerFailure.ECHO_SECRET);

    Run run =
        run(
            Map.of(),
            command(
                "--no-prompt",
                "--json",
                "--aws-access-key-id",
                KEY_ID,
                "--aws-secret-access-key",
                SECRET,
                "--aws-session-token",
                TOKEN));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.stdout())
        .contains("****")
        .contains("/var/lib/aws-replication-agent/aws_replication_agent_installer.log");
    assertClean(run.stdout() + run.stderr());
  }

  @Test
  @EnabledIfScript
  void typedAtThePromptUnderAPseudoTerminal() throws Exception {
    // mgn-agent prompts for the secret, not for the token: the token is given as a flag
    String commandLine =
        command("--aws-access-key-id", KEY_ID, "--aws-session-token", TOKEN).stream()
            .collect(Collectors.joining(" "));
    PseudoTerminal.Transcript transcript = PseudoTerminal.installTypingSecret(commandLine, SECRET);

    assertThat(transcript.exitCode()).as(transcript.text()).isZero();
    assertThat(transcript.text()).contains("DEBUG");
    assertClean(transcript.text());
  }

  private void assertClean(String output) throws Exception {
    assertNoCanary("the output", output);
    assertNoCanary("the recorded requests", sandbox.mgn().requests().toString());
    assertThat(sandbox.mgn().requests()).anyMatch(r -> KEY_ID.equals(r.accessKeyId()));
    assertThat(sandbox.installer().runs()).isNotEmpty();
    sandbox
        .installer()
        .runs()
        .forEach(
            r -> {
              // the run log masks secret values, so the flags themselves must be absent
              assertThat(r.argv()).doesNotContain("--aws-secret-access-key", "****");
              assertNoCanary("the installer's argv", r.argv().toString());
            });
    assertThat(filesContaining(temp)).as("files under the test directory").isEmpty();
    assertThat(filesContaining(sandbox.directory())).as("files under the sandbox").isEmpty();
    Set<String> left = mgnAgentTemporaryEntries();
    left.removeAll(tempBefore);
    assertThat(left).as("mgn-agent's temporary directories left").isEmpty();
  }

  private static void assertNoCanary(String where, String text) {
    assertThat(text)
        .as(where)
        .doesNotContain(SECRET)
        .doesNotContain(TOKEN)
        .doesNotContain(SECRET.substring(0, 20))
        .doesNotContain(TOKEN.substring(0, 24));
  }

  private static List<Path> filesContaining(Path root) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (content.contains(SECRET) || content.contains(TOKEN)) {
          found.add(file);
        }
      }
    }
    return found;
  }

  private Set<String> mgnAgentTemporaryEntries() throws IOException {
    try (Stream<Path> entries = Files.list(childTmp)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("mgn-agent-installer-"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static byte[] readAll(InputStream in) {
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      in.transferTo(buffer);
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
