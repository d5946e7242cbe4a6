package dev.mgnagent.install.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.MgnAgentException;
import dev.mgnagent.Warning;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.CheckStatus;
import dev.mgnagent.preflight.PreflightReport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class PreflightGateTest {

  private static final PreflightReport FAILING =
      new PreflightReport(
          List.of(
              new CheckResult("platform.arch", "x86_64", CheckStatus.PASS, "machine x86_64", ""),
              new CheckResult(
                  "space.root",
                  "space on /",
                  CheckStatus.FAIL,
                  "/: 1.2 GiB free",
                  "free at least 2 GB on /")));

  private static InstallRequest.Builder request() {
    return InstallRequest.builder().region(Region.EU_WEST_3);
  }

  @Test
  void aFailureStopsARealInstallNamingTheCheckAndItsRemedy() {
    InstallRequest real =
        request()
            .endpoint(URI.create("https://mgn.eu-west-3.amazonaws.com"))
            .s3Endpoint(URI.create("https://bucket.vpce-1.s3.eu-west-3.vpce.amazonaws.com"))
            .build();

    assertThatThrownBy(() -> PreflightGate.apply(FAILING, real, new ArrayList<>()))
        .isInstanceOf(MgnAgentException.class)
        .hasMessage(
            "preflight failed 1 check(s), first space.root: /: 1.2 GiB free; free at"
                + " least 2 GB on / (run 'mgn-agent preflight' for all of them, or skip them with skipPreflight)");
    assertThatThrownBy(() -> PreflightGate.apply(FAILING, request().build(), new ArrayList<>()))
        .isInstanceOf(MgnAgentException.class);
  }

  @Test
  void skipPreflightTurnsFailuresIntoWarnings() {
    List<Warning> warnings = new ArrayList<>();

    String summary = PreflightGate.apply(FAILING, request().skipPreflight(true).build(), warnings);

    assertThat(summary).isEqualTo("2 checks, 1 failed: [space.root] (skipPreflight: not stopping)");
    assertThat(warnings)
        .containsExactly(
            new Warning(
                Warning.Code.PREFLIGHT_FAILED, "preflight space.root failed: /: 1.2 GiB free"));
  }

  @Test
  void onlyASandboxRequestRelaxesTheRuleNeverTheShapeOfTheEndpoints() {
    String pinned = "ab".repeat(64);
    InstallRequest loopback =
        request()
            .endpoint(URI.create("http://127.0.0.1:1"))
            .s3Endpoint(URI.create("http://localhost:2"))
            .installerSha512(pinned)
            .build();
    InstallRequest sandbox =
        request()
            .endpoint(URI.create("http://127.0.0.1:1"))
            .s3Endpoint(URI.create("http://localhost:2"))
            .sandbox(true)
            .build();

    assertThatThrownBy(() -> PreflightGate.apply(FAILING, loopback, new ArrayList<>()))
        .isInstanceOf(MgnAgentException.class);
    assertThat(PreflightGate.apply(FAILING, sandbox, new ArrayList<>()))
        .endsWith("(a sandbox: not stopping)");
  }

  @Test
  void anUninitializedAccountIsNoFailureWhenAskedToInitialize() {
    PreflightReport uninitialized =
        new PreflightReport(
            List.of(
                new CheckResult(
                    "credentials.mgn",
                    "credentials",
                    CheckStatus.FAIL,
                    "MGN is not initialized in eu-west-3",
                    "run init-service")));

    assertThat(
            PreflightGate.apply(
                uninitialized, request().initializeService(true).build(), new ArrayList<>()))
        .isEqualTo("1 checks, 0 failed");
    assertThatThrownBy(
            () -> PreflightGate.apply(uninitialized, request().build(), new ArrayList<>()))
        .isInstanceOf(MgnAgentException.class);
  }
}
