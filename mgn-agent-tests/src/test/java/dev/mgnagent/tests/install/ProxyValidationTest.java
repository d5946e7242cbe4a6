package dev.mgnagent.tests.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Secret;
import dev.mgnagent.Warning;
import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.Host;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFailed;
import dev.mgnagent.install.InstallStepStarted;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * The host's {@code https_proxy} is read and checked once, in VALIDATE: a malformed one stops the
 * install before any network step and names the variable; an {@code https://} one is noted once.
 */
class ProxyValidationTest {

  @TempDir Path temp;

  private InstallFixture fixture;

  @BeforeEach
  void start() {
    fixture =
        new InstallFixture(
            temp, FakeBlockDeviceScenarios.lvmRootSpanningTwoDisks(), InstallerFlavor.BINARY);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** The fixture's host with extra environment variables. */
  private Host withEnvironment(Map<String, String> extra) {
    Host host = fixture.host;
    return new Host() {
      @Override
      public Path root() {
        return host.root();
      }

      @Override
      public Map<String, String> environment() {
        Map<String, String> all = new HashMap<>(host.environment());
        all.putAll(extra);
        return all;
      }

      @Override
      public CommandRunner commandRunner() {
        return host.commandRunner();
      }
    };
  }

  private InstallationResult install(Map<String, String> environment) throws Exception {
    return AgentInstallation.builder()
        .host(withEnvironment(environment))
        .workDirectory(Files.createDirectories(temp.resolve("work")))
        .eventListener(fixture.events)
        .runAsRoot(true)
        .build()
        .install(
            InstallRequest.builder()
                .region(Region.EU_WEST_3)
                .accessKeyId(fixture.mgn.adminCredentials().accessKeyId())
                .secretAccessKey(Secret.of(fixture.mgn.adminCredentials().secretAccessKey()))
                .endpoint(fixture.mgn.endpoint())
                .s3Endpoint(fixture.bucket.endpoint())
                .sandbox(true)
                .noPrompt(true)
                .build());
  }

  @Test
  void aMalformedProxyStopsTheInstallInValidateNamingTheVariable() {
    assertThatThrownBy(() -> install(Map.of("HTTPS_PROXY", "socks5://user:pw@proxy:1080")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("HTTPS_PROXY")
        .hasMessageNotContaining("pw");

    assertThat(fixture.events.events(InstallStepFailed.class))
        .extracting(InstallStepFailed::step)
        .containsExactly(InstallStep.VALIDATE);
    assertThat(fixture.events.events(InstallStepStarted.class))
        .extracting(InstallStepStarted::step)
        .containsExactly(InstallStep.VALIDATE);
  }

  @Test
  void anHttpsSchemeIsNotedOnceAndTheLoopbackSandboxIsStillReachedDirectly() throws Exception {
    // the sandbox's plain-http loopback endpoints never use the proxy (nothing listens on it)
    InstallationResult result = install(Map.of("https_proxy", "https://127.0.0.1:9/"));

    assertThat(result.warnings())
        .filteredOn(w -> w.code() == Warning.Code.PROXY_SCHEME)
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("HTTP CONNECT proxy"));
  }
}
