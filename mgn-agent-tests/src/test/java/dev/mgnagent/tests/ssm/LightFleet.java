package dev.mgnagent.tests.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.fleet.ssm.SsmFleetInstallation;
import dev.mgnagent.fleet.ssm.SsmTargets;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.ssm.FakeSsm;
import dev.mgnagent.testkit.ssm.RecordedExchange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A fake SSM fleet with a light installer stand-in (a shell script that reads the three answers,
 * waits a moment and prints a source server ID line), for tests of many nodes.
 */
final class LightFleet implements AutoCloseable {

  /** The stand-in: no JVM per node, so that a hundred nodes stay cheap. */
  static final String STAND_IN =
      "#!/bin/sh\n"
          + "# light stand-in for the replication installer\n"
          + "IFS= read -r secret; IFS= read -r token; IFS= read -r disks\n"
          + "if [ -z \"$secret\" ] || [ -z \"$token\" ]; then echo 'no credentials typed' >&2;"
          + " exit 1; fi\n"
          + "sleep 0.3\n"
          + "id=$(printf '%s' \"$MGNAGENT_FAKE_HOST_ROOT\" | sha256sum | cut -c1-17)\n"
          + "echo \"The following is the source server ID: s-$id.\"\n";

  final FakeInstallerBucket bucket;
  final FakeSsm ssm;
  final SsmClient client;

  LightFleet(Path directory, FakeSsm.Builder fleet) {
    bucket =
        FakeInstallerBucket.builder()
            .region("eu-west-3")
            .installer(InstallerFlavor.BINARY, STAND_IN.getBytes(StandardCharsets.UTF_8))
            .build()
            .start();
    ssm = fleet.directory(directory).region("eu-west-3").sampleCommandLines(false).build().start();
    ssm.addCredentials(
        AwsBasicCredentials.create(
            SsmFleetInstallTest.OPERATOR_KEY, SsmFleetInstallTest.OPERATOR_SECRET));
    client = SsmFleetInstallTest.client(ssm.endpoint());
  }

  SsmFleetInstallation.Builder install() {
    return SsmFleetInstallation.builder()
        .ssm(client)
        .targets(SsmTargets.instanceIds(ssm.instanceIds()))
        .request(
            InstallRequest.builder()
                .region(Region.EU_WEST_3)
                .s3Endpoint(bucket.endpoint())
                .sandbox(true)
                .build())
        .credentials(
            mustLast ->
                AwsSessionCredentials.create(
                    SsmFleetInstallTest.KEY_ID,
                    SsmFleetInstallTest.SECRET,
                    SsmFleetInstallTest.TOKEN))
        .executionTimeout(Duration.ofMinutes(5))
        .pollBackoff(attempt -> Duration.ofMillis(50));
  }

  /** The bodies of the SendCommand requests, in order. */
  List<JsonNode> sendBodies() throws java.io.IOException {
    List<JsonNode> bodies = new java.util.ArrayList<>();
    for (RecordedExchange e : sends()) {
      bodies.add(JSON.readTree(e.request()));
    }
    return bodies;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  List<RecordedExchange> sends() {
    return ssm.exchanges().stream().filter(e -> "SendCommand".equals(e.operation())).toList();
  }

  @Override
  public void close() {
    client.close();
    ssm.close();
    bucket.close();
  }
}
