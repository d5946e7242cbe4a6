package dev.mgnagent.cli.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.testkit.host.FakeLinuxHosts;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mgn-agent preflight} in-process on fake host trees: exit codes, table and JSON. */
class PreflightCommandTest {

  @TempDir Path temp;

  private final ObjectMapper mapper = new ObjectMapper();

  private String tree(String name) {
    return FakeLinuxHosts.all().get(name).get().writeTo(temp.resolve(name)).root().toString();
  }

  @Test
  void aHealthyTreeExitsZeroAndSaysWhatWasNotChecked() {
    CliRun run = CliRun.of("preflight", "--host-root", tree("healthyRhel9"));

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).startsWith("STATUS");
    assertThat(run.out())
        .contains("SKIPPED  privileges.account-files")
        .contains("commands would run on this machine instead of that host");
    assertThat(run.out()).contains("SKIPPED  space.root").contains("is not the host's");
    assertThat(run.out()).doesNotContain("\u001b[");
    assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith(Preflight.checkIds().size() + " checks: ");
  }

  @Test
  void failuresExitOneWithTheRemedyUnderThem() {
    CliRun run = CliRun.of("preflight", "--host-root", tree("troubledUbuntu1404"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    int secureBoot = indexOf(lines, "FAIL     boot.secure-boot");
    assertThat(lines.get(secureBoot + 1).strip()).startsWith("fix: disable Secure Boot");
  }

  @Test
  void jsonIsOneDocumentListingEveryCheck() throws Exception {
    CliRun run =
        CliRun.withEnvironment(
            Map.of("https_proxy", "http://proxy.internal:3128"),
            "preflight",
            "--json",
            "--host-root",
            tree("troubledUbuntu1404"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().strip().lines()).hasSize(1);
    JsonNode checks = mapper.readTree(run.out()).path("checks");
    List<String> ids = new ArrayList<>();
    checks.forEach(
        c -> {
          ids.add(c.path("id").asText());
          assertThat(c.fieldNames())
              .toIterable()
              .containsExactly("id", "title", "status", "evidence", "remedy");
        });
    assertThat(ids).containsExactlyElementsOf(Preflight.checkIds());
    JsonNode proxy =
        checks.findParents("id").stream()
            .filter(c -> c.path("id").asText().equals("network.proxy"))
            .findFirst()
            .orElseThrow();
    assertThat(proxy.path("status").asText()).isEqualTo("FAIL");
    assertThat(proxy.path("remedy").asText()).contains("http://proxy.internal:3128/");
  }

  @Test
  void aBadRegionIsAnInvalidRequest() throws Exception {
    CliRun run = CliRun.of("preflight", "--json", "--region", "US-EAST-1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(mapper.readTree(run.out()).path("error").path("type").asText())
        .isEqualTo("INVALID_REQUEST");
    assertThat(run.err()).contains("lower case: us-east-1");
  }

  @Test
  void badFlagValuesAreInvalidRequestsNamingTheFlag() {
    assertThat(CliRun.of("preflight", "--flavor", "rpm").err()).contains("'--flavor': 'rpm'");
    assertThat(CliRun.of("preflight", "--flavor", "rpm").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("preflight", "--endpoint", "http://mgn.example.com").exitCode())
        .isEqualTo(2);
    assertThat(CliRun.of("preflight", "--replication-server", "10.0.0.5/24").err())
        .contains("--replication-server");
    CliRun missing = CliRun.of("preflight", "--host-root", temp.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--host-root").contains("no such directory");
  }

  @Test
  void credentialsFromTheEnvironmentAreCheckedAgainstMgn() throws Exception {
    try (FakeMgn mgn = FakeMgn.builder().region("eu-west-3").build().start()) {
      Map<String, String> env =
          Map.of(
              "AWS_ACCESS_KEY_ID", mgn.adminCredentials().accessKeyId(),
              "AWS_SECRET_ACCESS_KEY", mgn.adminCredentials().secretAccessKey(),
              "HOME", temp.toString());
      CliRun run =
          CliRun.withEnvironment(
              env,
              "preflight",
              "--json",
              "--region",
              "eu-west-3",
              "--endpoint",
              mgn.endpoint().toString(),
              "--s3-endpoint",
              mgn.endpoint().toString(),
              "--host-root",
              tree("healthyRhel9"));

      assertThat(run.exitCode()).isEqualTo(1);
      JsonNode credentials =
          mapper.readTree(run.out()).path("checks").findParents("id").stream()
              .filter(c -> c.path("id").asText().equals("credentials.mgn"))
              .findFirst()
              .orElseThrow();
      assertThat(credentials.path("status").asText()).isEqualTo("FAIL");
      assertThat(credentials.path("remedy").asText())
          .contains("initialize MGN in eu-west-3")
          .contains("init-service");
      assertThat(run.out()).doesNotContain(mgn.adminCredentials().secretAccessKey());
    }
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + prefix + " in " + lines);
  }
}
