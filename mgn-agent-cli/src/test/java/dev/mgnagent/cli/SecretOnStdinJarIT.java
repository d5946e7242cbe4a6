package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * {@code --aws-secret-access-key-stdin} from the shaded jar: while the (hanging) fake installer
 * runs, which proves the keys read from stdin were accepted by the fake MGN's SigV4 checks, neither
 * the secret nor the token is in {@code /proc/<pid>/cmdline} of mgn-agent or of any process of the
 * installer's session. The argv form still works but warns.
 */
class SecretOnStdinJarIT {

  static final String KEY_ID = "ASIACANARY0000000033";
  static final String SECRET = "StdinCanarySecret+wJalrXUtnFEMI/K7MDENGbPxRfiCY";
  static final String TOKEN = "StdinCanarySessionToken//FwoGZXIvYXdzEBYaDNOTREAL000";

  @TempDir Path temp;
  private SandboxServers sandbox;
  private Path host;
  private Path tmp;

  @BeforeEach
  void start() throws IOException {
    tmp = Files.createDirectories(temp.resolve("tmp"));
    host = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("host"));
    // line-buffered: the test waits for the line the installer prints just before it hangs
    sandbox = SandboxServers.start("eu-west-3", host, installer -> installer.lineBuffered(true));
    AwsSessionCredentials canary = AwsSessionCredentials.create(KEY_ID, SECRET, TOKEN);
    sandbox.mgn().addCredentials(canary, Set.of("*"));
    // --initialize-service goes through the sandbox's IAM, STS and EC2 with the same keys
    sandbox.iam().addCredentials(canary, Set.of("iam:*"));
    sandbox.sts().addCredentials(canary);
    sandbox.ec2().addCredentials(canary, Set.of("ec2:*"));
    sandbox.installer().failWith(FakeInstallerFailure.HANG);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Process start(String... credentialFlags) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                ChildJvm.java(),
                ChildJvm.C1_ONLY,
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar"))
                    .toAbsolutePath()
                    .toString(),
                "install",
                "--region",
                "eu-west-3",
                "--no-prompt",
                "--json",
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
                "--initialize-service",
                "--aws-access-key-id",
                KEY_ID));
    command.addAll(List.of(credentialFlags));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(temp.resolve("stderr").toFile());
    builder.environment().put("TMPDIR", tmp.toString());
    return builder.start();
  }

  @Test
  void secretsReadFromStdinAreInNoCommandLine() throws Exception {
    Process mgnAgent = start("--aws-secret-access-key-stdin");
    try {
      try (OutputStream stdin = mgnAgent.getOutputStream()) {
        stdin.write((SECRET + "\n" + TOKEN + "\n").getBytes(StandardCharsets.UTF_8));
      }
      long installer = awaitInstallerHanging(mgnAgent);

      assertThat(cmdline(mgnAgent.pid()))
          .contains("--aws-secret-access-key-stdin")
          .doesNotContain(SECRET)
          .doesNotContain(TOKEN);
      for (long pid : sessionMembers(installer)) {
        assertThat(cmdline(pid)).as("argv of %s", pid).doesNotContain(SECRET).doesNotContain(TOKEN);
      }

      mgnAgent.destroy();
      assertThat(mgnAgent.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(stderr())
          .doesNotContain("warning: --aws-secret-access-key")
          .doesNotContain(SECRET)
          .doesNotContain(TOKEN);
    } finally {
      mgnAgent.destroyForcibly();
    }
  }

  @Test
  void secretsOnTheCommandLineStillWorkButWarn() throws Exception {
    Process mgnAgent = start("--aws-secret-access-key", SECRET, "--aws-session-token", TOKEN);
    try {
      mgnAgent.getOutputStream().close();
      awaitInstallerHanging(mgnAgent);

      mgnAgent.destroy();
      assertThat(mgnAgent.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(stderr())
          .contains(
              "mgn-agent: warning: --aws-secret-access-key on the command line is readable"
                  + " by every local user")
          .contains("mgn-agent: warning: --aws-session-token on the command line");
    } finally {
      mgnAgent.destroyForcibly();
    }
  }

  /** Reads the JSON events until the fake installer hangs; returns its pid (its session ID). */
  private static long awaitInstallerHanging(Process mgnAgent) throws IOException {
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(mgnAgent.getInputStream(), StandardCharsets.UTF_8));
    ObjectMapper json = new ObjectMapper();
    long installer = -1;
    for (String line; (line = out.readLine()) != null; ) {
      JsonNode event = json.readTree(line);
      if (event.path("type").asText().equals("installerStarted")) {
        installer = event.path("pid").asLong();
      }
      if (line.contains("All volumes for replication were successfully identified")) {
        return installer;
      }
    }
    throw new AssertionError("mgn-agent ended before the installer ran (see its stderr)");
  }

  private static String cmdline(long pid) throws IOException {
    return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8)
        .replace('\0', ' ');
  }

  private static List<Long> sessionMembers(long session) throws IOException {
    List<Long> members = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : entries) {
        try {
          String stat = Files.readString(entry.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          if (Long.parseLong(fields[3]) == session) {
            members.add(Long.parseLong(entry.getFileName().toString()));
          }
        } catch (IOException gone) {
          // exited while listed
        }
      }
    }
    return members;
  }

  private String stderr() throws IOException {
    return Files.readString(temp.resolve("stderr"), StandardCharsets.UTF_8);
  }
}
