package dev.mgnagent.tests.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Backoff;
import dev.mgnagent.fleet.FailureLimit;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.ssm.SsmFleetInstallation;
import dev.mgnagent.fleet.ssm.SsmTargets;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.installer.LightInstaller;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import dev.mgnagent.testkit.ssm.FakeManagedInstance;
import dev.mgnagent.testkit.ssm.FakeSsm;
import dev.mgnagent.testkit.ssm.RecordedExchange;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A fleet install through Systems Manager end to end: the real {@link SsmClient} against a {@link
 * FakeSsm} whose 20 instances run the generated script as real processes, downloading the fake
 * installer from the sandbox's bucket, checking its SHA-512 and registering with the sandbox's fake
 * MGN under each instance's own hostname.
 */
class SsmFleetInstallTest {

  static final String OPERATOR_KEY = "AKIAOPERATORCANARY01";
  static final String OPERATOR_SECRET = "OperatorCanaryLongLivedSecret+wJalrXUtnFEMI";
  static final String KEY_ID = "ASIASSMCANARY0000021";
  static final String SECRET = "SsmCanaryTemporarySecret+wJalrXUtnFEMI/K7MDENG";
  static final String TOKEN = "SsmCanarySessionToken//FwoGZXIvYXdzEBYaDNOTREAL";

  @TempDir Path temp;
  private MgnSandbox sandbox;
  private FakeSsm ssm;
  private SsmClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (ssm != null) {
      ssm.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private void start(FakeSsm.Builder fleet) {
    sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .workDirectory(temp.resolve("sandbox"))
            .build()
            .start();
    // the instances run the real script; the installer it downloads is the light stand-in (bash
    // and curl), which spares a JVM per instance: the installer's conversation is tested elsewhere
    sandbox
        .bucket()
        .replaceInstaller(
            InstallerFlavor.BINARY,
            LightInstaller.builder().mgnEndpoint(sandbox.mgnEndpoint()).build().launcher());
    sandbox.mgn().addCredentials(AwsSessionCredentials.create(KEY_ID, SECRET, TOKEN), Set.of("*"));
    ssm = fleet.directory(temp.resolve("ssm")).region("eu-west-3").build().start();
    ssm.addCredentials(AwsBasicCredentials.create(OPERATOR_KEY, OPERATOR_SECRET));
    client = client(ssm.endpoint());
  }

  static SsmClient client(URI endpoint) {
    return SsmClient.builder()
        .region(Region.EU_WEST_3)
        .endpointOverride(endpoint)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(OPERATOR_KEY, OPERATOR_SECRET)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private SsmFleetInstallation.Builder fleet(SsmTargets targets) {
    return SsmFleetInstallation.builder()
        .ssm(client)
        .targets(targets)
        .request(sandbox.installRequest().build())
        .credentials(mustLast -> AwsSessionCredentials.create(KEY_ID, SECRET, TOKEN))
        .executionTimeout(Duration.ofMinutes(5))
        .pollBackoff(attempt -> Duration.ofMillis(100));
  }

  private Map<String, HostOutcome> byName(FleetResult result) {
    Map<String, String> nameById = new HashMap<>();
    ssm.instances().forEach(i -> nameById.put(i.instanceId(), i.name()));
    Map<String, HostOutcome> m = new LinkedHashMap<>();
    result.outcomes().forEach(o -> m.put(nameById.get(o.host().address()), o));
    return m;
  }

  private static String shown(HostOutcome o) {
    return o.status() + o.failure().map(f -> " " + f.reason()).orElse("");
  }

  @Test
  void twentyInstancesTwoFailingWithMaxFailuresOne() {
    FakeSsm.Builder fleet = FakeSsm.builder().invocationMissingLookups(2);
    for (int i = 1; i <= 18; i++) {
      fleet.instance("web-" + i);
    }
    fleet.instance("no-curl", i -> i.failingCommand("curl", 22));
    fleet.instance("broken-sha", i -> i.failingCommand("sha512sum", 1));
    start(fleet);

    FleetResult result =
        fleet(SsmTargets.instanceIds(ssm.instanceIds()))
            .parallel(5)
            .maxFailures(FailureLimit.count(1))
            .build()
            .install();

    Map<String, HostOutcome> byName = byName(result);
    Map<String, String> statuses =
        byName.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> shown(e.getValue())));
    assertThat(statuses)
        .containsEntry("no-curl", "FAILED DOWNLOAD_FAILED")
        .containsEntry("broken-sha", "FAILED INSTALLER_MISMATCH");
    for (int i = 1; i <= 18; i++) {
      assertThat(statuses).containsEntry("web-" + i, "INSTALLED");
    }
    // the two failures exceed the limit of one
    assertThat(result.failureLimitExceeded()).isTrue();
    assertThat(result.cancelled()).isFalse();
    // SSM's own view: the same StatusDetails
    Map<String, String> details = ssm.statusDetails();
    assertThat(details.get(ssm.instance("no-curl").instanceId())).isEqualTo("Failed");
    assertThat(details.get(ssm.instance("web-7").instanceId())).isEqualTo("Success");
    // one command for 20 nodes, with the fleet's limits
    List<RecordedExchange> sends = sends();
    assertThat(sends).hasSize(1);
    assertThat(sends.get(0).request())
        .contains("\"MaxConcurrency\":\"5\"")
        .contains("\"MaxErrors\":\"1\"");
    assertThat(ssm.peakRunning()).isBetween(1, 5);
    // every installed node is its own source server, under its own hostname
    Map<String, String> idByHostname = new HashMap<>();
    sandbox
        .mgn()
        .sourceServers()
        .forEach(
            s ->
                idByHostname.put(
                    s.sourceProperties().identificationHints().hostname(), s.sourceServerID()));
    for (int i = 1; i <= 18; i++) {
      FakeManagedInstance instance = ssm.instance("web-" + i);
      assertThat(byName.get("web-" + i).sourceServerId().orElseThrow().value())
          .isEqualTo(idByHostname.get(instance.hostname()));
      assertThat(sandbox.installer().isInstalledOn(instance.root())).isTrue();
    }
    assertThat(idByHostname).doesNotContainKeys("no-curl", "broken-sha");
  }

  @Test
  void noLongLivedSecretInAnySsmExchangeAndNoSecretOnAnyCommandLine() {
    FakeSsm.Builder fleet = FakeSsm.builder();
    for (int i = 1; i <= 3; i++) {
      fleet.instance("app-" + i, n -> n.tag("Wave", "1"));
    }
    fleet.instance("other", n -> n.tag("Wave", "2"));
    start(fleet);

    FleetResult result = fleet(SsmTargets.parseTag("tag:Wave=1")).parallel(3).build().install();

    assertThat(result.outcomes()).hasSize(3).allMatch(o -> o.status() == HostStatus.INSTALLED);
    List<RecordedExchange> exchanges = ssm.exchanges();
    assertThat(exchanges)
        .extracting(RecordedExchange::operation)
        .contains(
            "DescribeInstanceInformation",
            "SendCommand",
            "ListCommandInvocations",
            "GetCommandInvocation");
    // the operator's long-lived secret never goes to SSM (the signature is not the secret)
    for (RecordedExchange e : exchanges) {
      assertThat(e.request() + e.response())
          .doesNotContain(OPERATOR_SECRET)
          .doesNotContain(sandbox.adminCredentials().secretAccessKey());
    }
    // the short-lived ones do go in the command, as the docs say, and only those
    assertThat(sends()).hasSize(1);
    assertThat(sends().get(0).request()).contains(KEY_ID).contains(SECRET);
    // the instances' processes: the installer ran, and no secret was ever on a command line
    List<String> commandLines = ssm.commandLines();
    assertThat(commandLines).anyMatch(c -> c.contains("--aws-access-key-id " + KEY_ID));
    assertThat(commandLines)
        .noneMatch(c -> c.contains(SECRET) || c.contains(TOKEN) || c.contains(OPERATOR_SECRET));
    assertThat(result.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
  }

  @Test
  void longLivedInstallCredentialsAreRefusedBeforeAnythingIsSent() {
    start(FakeSsm.builder().instance("web-1"));
    SsmFleetInstallation install =
        fleet(SsmTargets.instanceIds(ssm.instanceIds()))
            .credentials(mustLast -> AwsBasicCredentials.create("AKIALONGLIVED0000001", SECRET))
            .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(install::install)
        .isInstanceOf(dev.mgnagent.fleet.ssm.LongLivedCredentialsException.class)
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining("AKIALONGLIVED0000001");
    assertThat(sends()).isEmpty();
  }

  private List<RecordedExchange> sends() {
    return ssm.exchanges().stream().filter(e -> "SendCommand".equals(e.operation())).toList();
  }

  static Backoff fastPolls() {
    return attempt -> Duration.ofMillis(100);
  }
}
