package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.testkit.host.FakeLinuxHosts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code preflight} from the shaded jar on a fake tree: one JSON document with every check,
 * and the exit code follows the FAILs. The AWS probes go wherever this machine's network lets them;
 * the test asserts only that the answer is consistent.
 */
class PreflightJarIT {

  @TempDir Path temp;

  @Test
  void jarPrintsEveryCheckAndExitsByTheFailures() throws Exception {
    Path root = FakeLinuxHosts.healthyRhel9().writeTo(temp.resolve("root")).root();
    Path jar = Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar"));
    Process process =
        new ProcessBuilder(
                ChildJvm.java(),
                ChildJvm.C1_ONLY,
                "-jar",
                jar.toString(),
                "preflight",
                "--json",
                "--region",
                "us-east-1",
                "--host-root",
                root.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(stdout.strip().lines()).hasSize(1);
    JsonNode checks = new ObjectMapper().readTree(stdout).path("checks");
    assertThat(checks).hasSize(Preflight.checkIds().size());
    boolean anyFail = false;
    for (JsonNode c : checks) {
      anyFail |= c.path("status").asText().equals("FAIL");
    }
    assertThat(process.exitValue()).isEqualTo(anyFail ? 1 : 0);
    assertThat(List.of("PASS", "WARN", "FAIL", "SKIPPED"))
        .contains(checks.get(0).path("status").asText());
  }
}
