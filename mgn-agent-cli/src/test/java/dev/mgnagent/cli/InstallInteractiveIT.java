package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.testkit.FakeBlockDeviceScenarios;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mgn-agent install} under a real pseudo-terminal ({@code script}), answering the prompts
 * like an operator: the transcript shows the access key ID, never the secret.
 */
class InstallInteractiveIT {

  @TempDir Path temp;

  @Test
  void promptsOnATerminalWithoutEchoingTheSecret() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
    Path host = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("host"));
    try (SandboxServers sandbox = SandboxServers.start("eu-west-3", host)) {
      String keyId = sandbox.mgn().adminCredentials().accessKeyId();
      String secret = sandbox.mgn().adminCredentials().secretAccessKey();
      String command = String.join(" ",
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar")).toAbsolutePath().toString(),
          "install", "--region", "eu-west-3",
          "--endpoint", sandbox.mgn().endpoint().toString(),
          "--s3-endpoint", sandbox.bucket().endpoint().toString(),
          "--host-root", host.toString(), "--initialize-service",
          "--aws-access-key-id", keyId);
      Process script = new ProcessBuilder("/usr/bin/script", "-qfec", command, "/dev/null")
          .redirectErrorStream(true).start();
      StringBuilder transcript = new StringBuilder();
      try {
        InputStream out = script.getInputStream();
        OutputStream in = script.getOutputStream();
        readUntil(out, transcript, "AWS Secret Access Key:");
        in.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        readUntil(out, transcript, "press Enter:");
        in.write("\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        readUntil(out, transcript, "mgn-agent: installed; source server s-");
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        transcript.append(new String(out.readAllBytes(), StandardCharsets.UTF_8));
      } finally {
        script.destroyForcibly();
      }

      assertThat(script.exitValue()).as(transcript.toString()).isZero();
      assertThat(transcript.toString()).contains("using access key " + keyId)
          .doesNotContain(secret)
          .contains("Choose the disks you want to replicate. Your disks are: /dev/vda,/dev/vdb")
          .contains("Disk to replicate identified: /dev/vda of size 20 GiB");
    }
  }

  private static void readUntil(InputStream in, StringBuilder transcript, String marker)
      throws Exception {
    byte[] buffer = new byte[4096];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (transcript.indexOf(marker) < 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + marker + "' in:\n" + transcript);
      }
      int n = in.read(buffer);
      if (n < 0) {
        throw new AssertionError("ended before '" + marker + "':\n" + transcript);
      }
      transcript.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
    }
  }
}
