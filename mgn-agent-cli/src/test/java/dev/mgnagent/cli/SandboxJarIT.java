package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.UninitializedAccountException;

/**
 * Starts {@code mgn-agent sandbox} from the shaded jar as a separate process, reads its one JSON
 * line, drives it with the real {@link MgnClient}, then closes its stdin and sees it exit.
 */
class SandboxJarIT {

  @Test
  void sandboxServesAnUninitializedFakeMgnUntilStdinCloses() throws Exception {
    Path jar = Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar"));
    Process sandbox =
        new ProcessBuilder(
                ChildJvm.java(),
                ChildJvm.C1_ONLY,
                "-jar",
                jar.toString(),
                "sandbox",
                "--region",
                "eu-central-1")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
      JsonNode line = new ObjectMapper().readTree(out.readLine());

      assertThat(line.path("region").asText()).isEqualTo("eu-central-1");
      assertThat(line.path("accessKeyId").asText()).matches("AKIA[A-Z0-9]{16}");
      assertThat(line.path("mgnEndpoint").asText()).startsWith("http://127.0.0.1:");
      assertThat(line.path("s3Endpoint").asText()).startsWith("http://127.0.0.1:");
      // the digests to pin (--sha512) when installing against this sandbox from another process
      assertThat(line.path("installerSha512").path("binary").asText()).matches("[0-9a-f]{128}");
      try (MgnClient client =
          MgnClient.builder()
              .region(Region.of("eu-central-1"))
              .endpointOverride(URI.create(line.path("mgnEndpoint").asText()))
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(
                          line.path("accessKeyId").asText(),
                          line.path("secretAccessKey").asText())))
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .build()) {
        assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
            .isInstanceOf(UninitializedAccountException.class);
        // as on AWS, InitializeService alone fails until the service roles exist; the
        // initializer creates them through the sandbox's IAM, STS and EC2 it printed
        assertThatThrownBy(() -> client.initializeService(r -> {}))
            .hasMessageContaining("Failed to create SLR or instance profiles");
        try (ServiceRoleInitializer initializer =
            ServiceRoleInitializer.builder()
                .mgnClient(client)
                .iamEndpoint(URI.create(line.path("iamEndpoint").asText()))
                .stsEndpoint(URI.create(line.path("stsEndpoint").asText()))
                .ec2Endpoint(URI.create(line.path("ec2Endpoint").asText()))
                .build()) {
          assertThat(initializer.initialize().complete()).isTrue();
        }
        assertThat(client.describeSourceServers(r -> {}).items()).isEmpty();
        assertThat(client.describeReplicationConfigurationTemplates(r -> {}).items()).hasSize(1);
      }

      sandbox.getOutputStream().close();

      assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(sandbox.exitValue()).isZero();
    } finally {
      sandbox.destroyForcibly();
    }
  }

  @Test
  void sandboxStartedWithDevNullStdinServesUntilASignal() throws Exception {
    Path jar = Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar"));
    Process sandbox =
        new ProcessBuilder(
                List.of(ChildJvm.java(), ChildJvm.C1_ONLY, "-jar", jar.toString(), "sandbox"))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
      assertThat(new ObjectMapper().readTree(out.readLine()).path("region").asText())
          .isEqualTo("us-east-1");

      assertThat(sandbox.waitFor(2, TimeUnit.SECONDS)).as("still serving").isFalse();
      sandbox.destroy(); // SIGTERM

      assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(sandbox.exitValue()).isIn(0, 143);
    } finally {
      sandbox.destroyForcibly();
    }
  }
}
