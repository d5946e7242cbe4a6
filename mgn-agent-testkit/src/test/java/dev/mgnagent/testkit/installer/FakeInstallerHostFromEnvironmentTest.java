package dev.mgnagent.testkit.installer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * One launcher, many hosts: the host tree named by {@value FakeInstaller#HOST_ROOT_VARIABLE} wins
 * over the built-in one, and without it the launcher behaves as before.
 */
class FakeInstallerHostFromEnvironmentTest {

  @TempDir Path temp;

  @Test
  void theHostRootFromTheEnvironmentIsTheHostThatRegistersAndGetsTheInstallation()
      throws Exception {
    Path other = FakeBlockDeviceScenarios.nitroNvme().writeTo(temp.resolve("other-host"));
    Files.createDirectories(other.resolve("proc/sys/kernel"));
    Files.writeString(other.resolve("proc/sys/kernel/hostname"), "app-7\n");
    Files.createDirectories(other.resolve("sys/class/net/eth0"));
    Files.writeString(other.resolve("sys/class/net/eth0/address"), "0a:77:77:77:77:77\n");

    try (MgnSandbox sandbox =
        MgnSandbox.builder()
            .workDirectory(temp.resolve("sandbox"))
            .initialized(true)
            .hostname("built-in")
            .build()
            .start()) {
      Path launcher = temp.resolve("aws-replication-installer-init");
      Files.write(launcher, sandbox.installer().launcher(InstallerFlavor.BINARY));

      int withHost =
          run(sandbox, launcher, Map.of(FakeInstaller.HOST_ROOT_VARIABLE, other.toString()));
      int without = run(sandbox, launcher, Map.of());

      assertThat(withHost).isZero();
      assertThat(without).isZero();
      assertThat(sandbox.mgn().sourceServers())
          .extracting(s -> s.sourceProperties().identificationHints().hostname())
          .containsExactlyInAnyOrder("app-7", "built-in");
      SourceServer app =
          sandbox.mgn().sourceServers().stream()
              .filter(s -> s.sourceProperties().identificationHints().hostname().equals("app-7"))
              .findFirst()
              .orElseThrow();
      assertThat(app.sourceProperties().networkInterfaces().get(0).macAddress())
          .isEqualTo("0A-77-77-77-77-77");
      assertThat(sandbox.installer().isInstalledOn(other)).isTrue();
      assertThat(sandbox.installer().isInstalled()).isTrue();
      assertThat(sandbox.installer().runs()).hasSize(2);
    }
  }

  private static int run(MgnSandbox sandbox, Path launcher, Map<String, String> extra)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
            "sh",
            launcher.toString(),
            "--region",
            sandbox.region().id(),
            "--aws-access-key-id",
            sandbox.installerCredentials().accessKeyId(),
            "--no-prompt");
    builder.environment().remove(FakeInstaller.HOST_ROOT_VARIABLE);
    builder.environment().putAll(extra);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    try (OutputStream in = process.getOutputStream()) {
      in.write(
          (sandbox.installerCredentials().secretAccessKey() + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    int status = process.waitFor();
    assertThat(status).as(output.join()).isZero();
    return status;
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
