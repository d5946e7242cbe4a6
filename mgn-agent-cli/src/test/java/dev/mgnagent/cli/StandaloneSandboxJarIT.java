package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented way to install against a standalone sandbox: {@code mgn-agent sandbox} runs as its
 * own process and prints one JSON line; {@code mgn-agent install}, another process started from
 * another directory, takes its endpoints, its key (the secret on standard input) and the digest it
 * prints ({@code --sha512}), with {@code --skip-preflight} since this machine need not pass
 * preflight. Both read this machine's disks (the standalone sandbox's fake installer knows no other
 * tree), so no {@code --host-root}; the install takes this machine's install lock, so a build
 * running the same test at the same moment is waited for. The install succeeds and the sandbox then
 * stops cleanly.
 */
class StandaloneSandboxJarIT {

  @TempDir Path temp;

  private static String jar() {
    return Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar"))
        .toAbsolutePath()
        .toString();
  }

  @Test
  void installFromAnotherProcessWithTheDocumentedFlags() throws Exception {
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    ProcessBuilder sandboxBuilder =
        new ProcessBuilder(
                ChildJvm.java(),
                ChildJvm.C1_ONLY,
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                jar(),
                "sandbox",
                "--region",
                "eu-west-3")
            .redirectError(temp.resolve("sandbox.stderr").toFile());
    sandboxBuilder.environment().put("TMPDIR", tmp.toString());
    Process sandbox = sandboxBuilder.start();
    try {
      JsonNode line =
          new ObjectMapper()
              .readTree(
                  new BufferedReader(
                          new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8))
                      .readLine());
      String sha512 = line.path("installerSha512").path("binary").asText();
      assertThat(sha512).matches("[0-9a-f]{128}");

      ProcessBuilder installBuilder =
          new ProcessBuilder(
                  List.of(
                      ChildJvm.java(),
                      ChildJvm.C1_ONLY,
                      "-Djava.io.tmpdir=" + tmp,
                      "-jar",
                      jar(),
                      "install",
                      "--region",
                      line.path("region").asText(),
                      "--endpoint",
                      line.path("mgnEndpoint").asText(),
                      "--s3-endpoint",
                      line.path("s3Endpoint").asText(),
                      "--sha512",
                      sha512,
                      "--skip-preflight",
                      "--iam-endpoint",
                      line.path("iamEndpoint").asText(),
                      "--sts-endpoint",
                      line.path("stsEndpoint").asText(),
                      "--ec2-endpoint",
                      line.path("ec2Endpoint").asText(),
                      "--initialize-service",
                      "--aws-access-key-id",
                      line.path("accessKeyId").asText(),
                      "--aws-secret-access-key-stdin",
                      "--no-prompt",
                      "--json"))
              .directory(elsewhere.toFile());
      installBuilder.environment().put("TMPDIR", tmp.toString());
      Process install;
      String stderr;
      CompletableFuture<String> out;
      int attempts = 0;
      while (true) {
        install = installBuilder.start();
        out = read(install.getInputStream());
        CompletableFuture<String> err = read(install.getErrorStream());
        try (OutputStream stdin = install.getOutputStream()) {
          stdin.write(
              (line.path("secretAccessKey").asText() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(install.waitFor(180, TimeUnit.SECONDS)).as("install finished").isTrue();
        stderr = err.get(10, TimeUnit.SECONDS);
        // a real install takes this machine's install lock (/run/lock): another build running
        // this test at the same moment holds it, and is waited for, as an operator would
        OptionalLong holder = lockHolder(install.exitValue(), stderr);
        if (holder.isEmpty() || ++attempts == 5) {
          break;
        }
        Optional<ProcessHandle> other = ProcessHandle.of(holder.getAsLong());
        if (other.isPresent()) {
          other.get().onExit().get(180, TimeUnit.SECONDS);
        }
      }
      assertThat(install.exitValue()).as(stderr).isZero();
      List<String> lines = out.get(10, TimeUnit.SECONDS).lines().toList();
      JsonNode result = new ObjectMapper().readTree(lines.get(lines.size() - 1));
      assertThat(result.path("type").asText()).isEqualTo("result");
      assertThat(result.path("installed").asBoolean()).isTrue();
      assertThat(result.path("sourceServerId").asText()).matches("s-[0-9a-f]{17}");
      assertThat(stderr).doesNotContain(line.path("secretAccessKey").asText());

      sandbox.getOutputStream().close();
      assertThat(sandbox.waitFor(60, TimeUnit.SECONDS)).as("sandbox stopped").isTrue();
      assertThat(sandbox.exitValue()).isZero();
      try (var left = Files.list(tmp)) {
        assertThat(left).as("temporary files left by either process").isEmpty();
      }
    } finally {
      sandbox.destroyForcibly();
    }
  }

  private static final Pattern LOCK_HELD =
      Pattern.compile("another installation is running on this host \\(process (\\d+)\\)");

  /** The process holding the machine's install lock when {@code install} was refused for it. */
  private static OptionalLong lockHolder(int exitCode, String stderr) {
    Matcher held = LOCK_HELD.matcher(stderr);
    return exitCode == 1 && held.find()
        ? OptionalLong.of(Long.parseLong(held.group(1)))
        : OptionalLong.empty();
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
