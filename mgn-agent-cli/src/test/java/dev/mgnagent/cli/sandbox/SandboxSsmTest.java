package dev.mgnagent.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** {@code sandbox --ssm-instances N}: a fake SSM whose N nodes the sandbox's admin keys see. */
class SandboxSsmTest {

  @TempDir Path temp;

  @Test
  void theJsonLineNamesTheEndpointAndTheInstancesAndTheAdminKeysReachThem() throws Exception {
    Path host = FakeBlockDeviceScenarios.nitroNvme().writeTo(temp.resolve("host"));
    try (SandboxServers sandbox = SandboxServers.start("eu-west-3", host);
        SandboxSsm ssm = SandboxSsm.start(sandbox, "eu-west-3", 2)) {
      JsonWriter line = JsonWriter.object().field("region", "eu-west-3");
      ssm.describe(line);
      JsonNode json = new ObjectMapper().readTree(line.toJson());

      assertThat(json.get("ssmInstanceIds")).hasSize(2);
      assertThat(json.get("installAccessKeyId").asText()).startsWith("ASIA");
      AwsBasicCredentials admin = sandbox.mgn().adminCredentials();
      try (SsmClient client =
          SsmClient.builder()
              .region(Region.EU_WEST_3)
              .endpointOverride(java.net.URI.create(json.get("ssmEndpoint").asText()))
              .credentialsProvider(StaticCredentialsProvider.create(admin))
              .httpClient(UrlConnectionHttpClient.create())
              .build()) {
        assertThat(client.describeInstanceInformation(b -> {}).instanceInformationList())
            .extracting(i -> i.instanceId())
            .containsExactly(
                json.get("ssmInstanceIds").get(0).asText(),
                json.get("ssmInstanceIds").get(1).asText());
      }
    }
  }

  @Test
  void noInstancesMeansNoSsm() throws Exception {
    Path host = FakeBlockDeviceScenarios.nitroNvme().writeTo(temp.resolve("host"));
    try (SandboxServers sandbox = SandboxServers.start("eu-west-3", host);
        SandboxSsm ssm = SandboxSsm.start(sandbox, "eu-west-3", 0)) {
      JsonWriter line = JsonWriter.object().field("region", "eu-west-3");
      ssm.describe(line);
      assertThat(line.toJson()).doesNotContain("ssmEndpoint");
    }
  }
}
