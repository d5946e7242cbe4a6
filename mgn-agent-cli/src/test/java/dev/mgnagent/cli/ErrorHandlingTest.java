package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

  @Test
  void unknownOptionIsAUsageErrorOnOneLine() {
    CliRun run = CliRun.of("disks", "--bogus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly("mgn-agent: Unknown option: '--bogus' (see 'mgn-agent disks --help')");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void noCommandPrintsUsageAndExitsTwo() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: mgn-agent").contains("disks");
  }

  @Test
  void helpListsTheCommandsAndExitsZero() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("disks").contains("--stacktrace");
  }

  @Test
  void errorsCarryNoJavaClassNameOrTraceUnlessAsked() {
    CliRun plain = CliRun.of("disks", "--host-root", "/definitely/not/here");
    CliRun traced = CliRun.of("disks", "--host-root", "/definitely/not/here", "--stacktrace");

    assertThat(plain.err()).doesNotContain("Exception").doesNotContain("dev.mgnagent");
    assertThat(plain.err().lines()).hasSize(1);
    assertThat(traced.err()).contains("InvalidRequestException").contains("\tat ");
    assertThat(traced.exitCode()).isEqualTo(2);
  }

  @Test
  void jsonModePrintsAnErrorDocumentOnStdout() throws Exception {
    CliRun run = CliRun.of("disks", "--json", "--bogus");

    JsonNode error = new ObjectMapper().readTree(run.out()).path("error");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(error.path("type").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(error.path("message").asText()).contains("--bogus");
    assertThat(run.err().lines()).hasSize(1);
  }
}
