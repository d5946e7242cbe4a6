package dev.mgnagent.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Backoff;
import dev.mgnagent.Secret;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.installer.DownloadRetrying;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.event.RecordingEventListener;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.junit.EnabledIfPython3;
import dev.mgnagent.testkit.junit.StartStop;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * The code of {@code docs/testkit.md}: each snippet there is a region of this file between
 * {@code // [doc:NAME]} and {@code // [/doc:NAME]}, and {@link #theDocShowsTheseSnippetsVerbatim()}
 * fails when the two differ. The snippets use the testkit from outside its packages, as a user
 * does.
 */
class TestkitDocExamplesTest {

  private static final Path DOC = Path.of("..", "docs", "testkit.md");
  private static final Path SOURCE =
      Path.of("src", "test", "java", "dev", "mgnagent", "testkit", "docs",
          "TestkitDocExamplesTest.java");

  @Nested
  class FakeMgnExample {
    // [doc:fake-mgn]
    @StartStop FakeMgn mgn = FakeMgn.builder().initialized(true).build();

    @Test
    void listsTheServerAnAgentRegistered() {
      String id = mgn.addSourceServer(s -> s.hostname("web-1").disk("/dev/vda", 20L << 30));

      try (MgnClient client = mgn.newClient()) {
        assertThat(client.describeSourceServers(r -> {}).items())
            .extracting(SourceServer::sourceServerID)
            .containsExactly(id);
      }
    }
    // [/doc:fake-mgn]
  }

  @Nested
  class SandboxExample {
    // [doc:sandbox]
    @StartStop MgnSandbox sandbox = MgnSandbox.builder().region("eu-west-3")
        .host(FakeBlockDeviceScenarios.nitroNvme()).build();

    @Test
    void installsTheAgentAgainstTheFakes() {
      RecordingEventListener events = new RecordingEventListener();

      InstallationResult result = AgentInstallation.builder()
          .host(sandbox.host())
          .workDirectory(sandbox.downloadDirectory())
          .eventListener(events)
          .runAsRoot(true) // the fake installer needs no sudo
          .build()
          .install(InstallRequest.builder("eu-west-3")
              .accessKeyId(sandbox.adminCredentials().accessKeyId())
              .secretAccessKey(Secret.of(sandbox.adminCredentials().secretAccessKey()))
              .endpoint(sandbox.mgnEndpoint())
              .s3Endpoint(sandbox.s3Endpoint())
              .initializeService(true)
              .noPrompt(true)
              .build());

      assertThat(result.registeredDisks()).containsExactly("/dev/nvme0n1", "/dev/nvme1n1");
      assertThat(events.events(InstallStepFinished.class))
          .extracting(InstallStepFinished::step)
          .contains(InstallStep.VERIFY_INSTALLER, InstallStep.INSTALL);
      assertThat(sandbox.mgn().sourceServers()).hasSize(1);
    }
    // [/doc:sandbox]
  }

  @Nested
  class BucketExample {
    // [doc:bucket]
    @TempDir Path dir;
    @StartStop
    FakeInstallerBucket bucket = FakeInstallerBucket.builder().region("eu-west-3").build();

    @Test
    void aCutDownloadResumesWhereItStopped() {
      bucket.cutNextBodyAt(100_000);
      RecordingEventListener events = new RecordingEventListener();

      VerificationResult result = InstallerVerifier.builder()
          .location(InstallerLocation.viaEndpoint("eu-west-3", bucket.endpoint().toString(),
              InstallerFlavor.BINARY))
          .backoff(Backoff.NONE)
          .eventListener(events)
          .build()
          .download(dir.resolve("aws-replication-installer-init"));

      assertThat(result).isInstanceOf(VerificationResult.Verified.class);
      assertThat(events.events(DownloadRetrying.class)).singleElement()
          .satisfies(retry -> assertThat(retry.resumeFromByte()).isEqualTo(100_000));
    }
    // [/doc:bucket]
  }

  @Nested
  class ConditionExample {
    // [doc:condition]
    @Test
    @EnabledIfPython3
    void runsOnlyWherePython3IsInstalled() throws Exception {
      Process python = new ProcessBuilder("python3", "--version").start();

      assertThat(python.waitFor()).isZero();
    }
    // [/doc:condition]
  }

  @Test
  void theDocShowsTheseSnippetsVerbatim() throws IOException {
    Map<String, String> inDoc = docSnippets(Files.readString(DOC, StandardCharsets.UTF_8));
    Map<String, String> inSource = sourceSnippets(Files.readString(SOURCE, StandardCharsets.UTF_8));

    assertThat(inDoc.keySet()).as("snippets in " + DOC)
        .containsExactlyInAnyOrderElementsOf(inSource.keySet());
    inSource.forEach((name, code) ->
        assertThat(inDoc.get(name)).as("snippet " + name + " in " + DOC).isEqualTo(code));
  }

  /** {@code <!-- doc:NAME -->} followed by a fenced Java block, by name. */
  private static Map<String, String> docSnippets(String markdown) {
    Map<String, String> snippets = new LinkedHashMap<>();
    Matcher m = Pattern.compile("<!-- doc:([a-z-]+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL)
        .matcher(markdown);
    while (m.find()) {
      snippets.put(m.group(1), m.group(2));
    }
    return snippets;
  }

  /** The regions between the markers, without their common indentation, by name. */
  private static Map<String, String> sourceSnippets(String source) {
    Map<String, String> snippets = new LinkedHashMap<>();
    Matcher m = Pattern.compile("// \\[doc:([a-z-]+)]\\n(.*?)\\n\\s*// \\[/doc:\\1]",
        Pattern.DOTALL).matcher(source);
    while (m.find()) {
      snippets.put(m.group(1), dedent(m.group(2)));
    }
    return snippets;
  }

  private static String dedent(String block) {
    List<String> lines = new ArrayList<>(block.lines().toList());
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }
}
