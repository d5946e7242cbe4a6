package dev.mgnagent.testkit.mgn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationReplicatedDisk;
import software.amazon.awssdk.services.mgn.model.ResourceNotFoundException;

/**
 * The fake's answers in the form a public {@code aws mgn} capture from a real account shows (dates
 * with microseconds and {@code +00:00}, durations such as {@code P0D}, MACs such as {@code
 * 0A-40-F1-E8-B2-2D}, {@code {}} for a lifecycle's {@code lastTest} and {@code lastCutover}), read
 * as raw JSON so that no SDK parsing hides the form.
 */
class FakeMgnRealWireFormTest {
  /** A disk that copies in exactly 10 s at {@link #RATE}. */
  private static final long GIB = 1_000_000_000L;

  private static final long RATE = 100_000_000L;
  private static final String MGN_DATE =
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}\\+00:00";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-20T10:15:30.123456Z"));
  private FakeMgn mgn;

  private FakeMgn start(Consumer<FakeMgn.Builder> options) {
    FakeMgn.Builder b =
        FakeMgn.builder()
            .initialized(true)
            .simulationClock(clock)
            .simulation(
                SimulationSettings.defaults()
                    .withInitiationStep(Duration.ofSeconds(10))
                    .withSyncBytesPerSecond(RATE));
    options.accept(b);
    mgn = b.build().start();
    return mgn;
  }

  @AfterEach
  void stop() {
    if (mgn != null) {
      mgn.close();
    }
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    URI uri = mgn.endpoint().resolve(path);
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(uri)
            .putHeader("Content-Type", "application/json")
            .contentStreamProvider(ContentStreamProvider.fromUtf8String(body))
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(mgn.adminCredentials())
                        .request(request)
                        .payload(request.contentStreamProvider().orElseThrow())
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "mgn")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
    signed
        .request()
        .forEachHeader(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> b.header(name, v));
              }
            });
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  private JsonNode describe(String id) throws Exception {
    HttpResponse<String> r =
        post("/DescribeSourceServers", "{\"filters\":{\"sourceServerIDs\":[\"" + id + "\"]}}");
    assertThat(r.statusCode()).isEqualTo(200);
    return json.readTree(r.body()).path("items").path(0);
  }

  private String register() {
    return mgn.registerAgent(
            AgentRegistration.builder()
                .hostname("web-1")
                .macAddress("0a:40:f1:e8:b2:2d")
                .disk("/dev/xvda", GIB)
                .build())
        .sourceServerId();
  }

  /** Every member whose name ends in {@code DateTime}, anywhere in {@code node}, as name=value. */
  private static List<String> dateTimes(JsonNode node, String path) {
    List<String> found = new ArrayList<>();
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().endsWith("DateTime")) {
          found.add(path + e.getKey() + "=" + e.getValue().asText());
        }
        found.addAll(dateTimes(e.getValue(), path + e.getKey() + "."));
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        found.addAll(dateTimes(item, path));
      }
    }
    return found;
  }

  @Test
  void everyDateHasMicrosecondsAndPlusZeroOffsetThroughTheWholeLife() throws Exception {
    start(b -> {});
    String id = register();
    mgn.retryingError(id, "AGENT_NOT_SEEN", Duration.ZERO, Duration.ofSeconds(25));
    List<String> seen = new ArrayList<>();
    seen.addAll(dateTimes(describe(id), ""));
    mgn.advance(Duration.ofMinutes(5));
    seen.addAll(dateTimes(describe(id), ""));
    mgn.cutover(id, Duration.ofSeconds(1)).advance(Duration.ofSeconds(1));
    seen.addAll(dateTimes(describe(id), ""));

    assertThat(seen)
        .anyMatch(d -> d.contains("nextAttemptDateTime="))
        .anyMatch(d -> d.contains("lastSnapshotDateTime="))
        .anyMatch(d -> d.contains("lastSeenByServiceDateTime="))
        .anyMatch(d -> d.contains("lastCutover.finalized.apiCallDateTime="))
        .allSatisfy(d -> assertThat(d.substring(d.indexOf('=') + 1)).matches(MGN_DATE));
    assertThat(seen)
        .contains(
            "dataReplicationInfo.dataReplicationInitiation.startDateTime="
                + "2026-11-20T10:15:30.123456+00:00");
  }

  @Test
  void macsAreUpperCaseWithDashesAndDurationsAsMgnWritesThem() throws Exception {
    start(b -> {});
    String id = register();
    mgn.advance(Duration.ofMinutes(5));
    JsonNode s = describe(id);

    assertThat(
            s.path("sourceProperties")
                .path("networkInterfaces")
                .path(0)
                .path("macAddress")
                .asText())
        .isEqualTo("0A-40-F1-E8-B2-2D");
    assertThat(s.path("dataReplicationInfo").path("lagDuration").asText()).isEqualTo("PT1S");
    // 110 s of initiation, then 190 s of sync
    assertThat(s.path("lifeCycle").path("elapsedReplicationDuration").asText())
        .isEqualTo("PT3M10S");
    assertThat(Duration.parse(s.path("lifeCycle").path("elapsedReplicationDuration").asText()))
        .isEqualTo(Duration.ofSeconds(190));
  }

  @Test
  void lastTestAndLastCutoverAreEmptyObjectsUntilACutoverThenTheCutoverIsReported()
      throws Exception {
    start(b -> {});
    String id = register();
    JsonNode before = describe(id);
    assertThat(before.path("lifeCycle").path("lastTest").isObject()).isTrue();
    assertThat(before.path("lifeCycle").path("lastTest").size()).isZero();
    assertThat(before.path("lifeCycle").path("lastCutover").isObject()).isTrue();
    assertThat(before.path("lifeCycle").path("lastCutover").size()).isZero();
    assertThat(before.has("launchedInstance")).isFalse();

    mgn.advance(Duration.ofMinutes(10)).cutover(id, Duration.ofMinutes(1));
    mgn.advance(Duration.ofMinutes(1));
    JsonNode after = describe(id);

    assertThat(after.path("lifeCycle").path("state").asText()).isEqualTo("CUTOVER");
    assertThat(after.path("dataReplicationInfo").path("dataReplicationState").asText())
        .isEqualTo("DISCONNECTED");
    assertThat(after.path("lifeCycle").path("lastTest").size()).isZero();
    assertThat(
            after
                .path("lifeCycle")
                .path("lastCutover")
                .path("finalized")
                .path("apiCallDateTime")
                .asText())
        .isEqualTo("2026-11-20T10:26:30.123456+00:00");
    assertThat(after.path("lifeCycle").path("lastCutover").path("initiated").path("jobID").asText())
        .matches("mgnjob-[0-9a-zA-Z]{17}");
    assertThat(after.path("launchedInstance").path("ec2InstanceID").asText())
        .matches("i-[0-9a-f]{17}");
    assertThat(after.path("launchedInstance").path("firstBoot").asText()).isEqualTo("SUCCEEDED");
  }

  private static List<String> steps(JsonNode server) {
    List<String> out = new ArrayList<>();
    for (JsonNode step :
        server.path("dataReplicationInfo").path("dataReplicationInitiation").path("steps")) {
      out.add(step.path("name").asText() + "=" + step.path("status").asText());
    }
    return out;
  }

  @Test
  void theFsxProxyStepComesLastSkippedOnceInitiationIsOver() throws Exception {
    start(b -> {});
    String id = register();
    assertThat(steps(describe(id))).hasSize(12).last().isEqualTo("SETUP_FSX_PROXY=NOT_STARTED");

    mgn.advance(Duration.ofMinutes(2));
    assertThat(steps(describe(id)))
        .hasSize(12)
        .endsWith("START_DATA_TRANSFER=SUCCEEDED", "SETUP_FSX_PROXY=SKIPPED");
  }

  @Test
  void theFsxProxyStepCanEndSucceededOrBeLeftOut() throws Exception {
    start(b -> b.fsxProxyStep("SUCCEEDED"));
    String id = register();
    mgn.advance(Duration.ofMinutes(2));
    assertThat(steps(describe(id))).last().isEqualTo("SETUP_FSX_PROXY=SUCCEEDED");
    mgn.close();

    start(b -> b.fsxProxyStep(null));
    String other = register();
    mgn.advance(Duration.ofMinutes(2));
    assertThat(steps(describe(other))).hasSize(11).noneMatch(s -> s.startsWith("SETUP_FSX"));
  }

  @Test
  void unknownTemplateIdsAreResourceNotFoundByDefault() {
    start(b -> {});
    try (MgnClient client = Clients.noRetry(mgn)) {
      String known =
          client
              .describeReplicationConfigurationTemplates(r -> {})
              .items()
              .get(0)
              .replicationConfigurationTemplateID();
      assertThat(
              client
                  .describeReplicationConfigurationTemplates(
                      r -> r.replicationConfigurationTemplateIDs(known))
                  .items())
          .hasSize(1);
      assertThatThrownBy(
              () ->
                  client.describeReplicationConfigurationTemplates(
                      r -> r.replicationConfigurationTemplateIDs(known, "rct-00000000000000000")))
          .isInstanceOfSatisfying(
              ResourceNotFoundException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(404);
                assertThat(e.resourceId()).isEqualTo("rct-00000000000000000");
                assertThat(e.resourceType()).isEqualTo("REPLICATION_CONFIGURATION_TEMPLATE");
              });
      assertThatThrownBy(
              () ->
                  client.describeLaunchConfigurationTemplates(
                      r -> r.launchConfigurationTemplateIDs("lct-00000000000000000")))
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Test
  void unknownTemplateIdsCanBeLeftOutInstead() {
    start(b -> b.unknownTemplateIdsNotFound(false));
    try (MgnClient client = Clients.noRetry(mgn)) {
      assertThat(
              client
                  .describeReplicationConfigurationTemplates(
                      r -> r.replicationConfigurationTemplateIDs("rct-00000000000000000"))
                  .items())
          .isEmpty();
      assertThat(
              client
                  .describeLaunchConfigurationTemplates(
                      r -> r.launchConfigurationTemplateIDs("lct-00000000000000000"))
                  .items())
          .isEmpty();
    }
  }

  @Test
  void theBootDiskIsTheOneTheAgentNamedNotTheFirst() {
    start(b -> {});
    String id =
        mgn.registerAgent(
                AgentRegistration.builder()
                    .hostname("db-1")
                    .macAddress("0a:40:f1:e8:b2:3d")
                    .disk("/dev/xvdb", GIB)
                    .disk("/dev/xvda", GIB)
                    .bootDisk("/dev/xvda")
                    .build())
            .sourceServerId();
    String spec =
        mgn.addSourceServer(
            s -> s.disk("/dev/vdb", GIB).disk("/dev/vda", GIB).bootDisk("/dev/vda"));
    try (MgnClient client = Clients.noRetry(mgn)) {
      for (String server : List.of(id, spec)) {
        assertThat(
                client.getReplicationConfiguration(r -> r.sourceServerID(server)).replicatedDisks())
            .filteredOn(ReplicationConfigurationReplicatedDisk::isBootDisk)
            .extracting(ReplicationConfigurationReplicatedDisk::deviceName)
            .containsExactly(server.equals(id) ? "/dev/xvda" : "/dev/vda");
      }
    }
  }

  @Test
  void configuredSnapshotStatesFollowTheInitialSyncInOrderOnTheSteppedClock() throws Exception {
    start(
        b ->
            b.afterInitialSync(
                Duration.ofMinutes(1),
                "CREATING_SNAPSHOT",
                "PENDING_SNAPSHOT_SHIPPING",
                "SHIPPING_SNAPSHOT"));
    String id = register();
    // 11 steps of 10 s, then 10 s of sync: the initial sync ends at 120 s
    mgn.advance(Duration.ofSeconds(119));
    assertThat(describe(id).path("dataReplicationInfo").path("dataReplicationState").asText())
        .isEqualTo("INITIAL_SYNC");
    List<String> states = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      mgn.advance(Duration.ofSeconds(31));
      JsonNode s = describe(id);
      states.add(
          s.path("dataReplicationInfo").path("dataReplicationState").asText()
              + "/"
              + s.path("lifeCycle").path("state").asText()
              + "/"
              + s.path("dataReplicationInfo").has("lastSnapshotDateTime"));
      mgn.advance(Duration.ofSeconds(29));
    }

    assertThat(states)
        .containsExactly(
            "CREATING_SNAPSHOT/NOT_READY/false",
            "PENDING_SNAPSHOT_SHIPPING/NOT_READY/false",
            "SHIPPING_SNAPSHOT/NOT_READY/false",
            "CONTINUOUS/READY_FOR_TEST/true");
    assertThat(describe(id).path("dataReplicationInfo").path("lastSnapshotDateTime").asText())
        .isEqualTo("2026-11-20T10:20:30.123456+00:00");
  }

  @Test
  void applicationIdsAreCheckedAgainstTheModelsPattern() throws Exception {
    start(b -> {});
    HttpResponse<String> bad =
        post("/DescribeSourceServers", "{\"filters\":{\"applicationIDs\":[\"app-1\"]}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).path("reason").asText())
        .isEqualTo("fieldValidationFailed");
    assertThat(
            post(
                    "/DescribeSourceServers",
                    "{\"filters\":{\"applicationIDs\":[\"app-0123456789abcdefG\"]}}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void serversAddedInALaterLifecycleCarryTheirLaunches() throws Exception {
    start(b -> {});
    JsonNode ready =
        describe(mgn.addSourceServer(s -> s.lifeCycleState(LifeCycleState.READY_FOR_TEST)));
    JsonNode testing = describe(mgn.addSourceServer(s -> s.lifeCycleState(LifeCycleState.TESTING)));
    JsonNode cutover = describe(mgn.addSourceServer(s -> s.lifeCycleState(LifeCycleState.CUTOVER)));

    assertThat(ready.path("lifeCycle").path("lastTest").size()).isZero();
    assertThat(ready.has("launchedInstance")).isFalse();
    assertThat(testing.path("lifeCycle").path("lastTest").path("initiated").path("jobID").asText())
        .matches("mgnjob-[0-9a-zA-Z]{17}");
    assertThat(testing.path("lifeCycle").path("lastTest").has("finalized")).isFalse();
    assertThat(testing.path("lifeCycle").path("lastCutover").size()).isZero();
    assertThat(testing.path("launchedInstance").path("ec2InstanceID").asText())
        .matches("i-[0-9a-f]{17}");
    assertThat(
            cutover
                .path("lifeCycle")
                .path("lastTest")
                .path("finalized")
                .path("apiCallDateTime")
                .asText())
        .matches(MGN_DATE);
    assertThat(
            cutover
                .path("lifeCycle")
                .path("lastCutover")
                .path("finalized")
                .path("apiCallDateTime")
                .asText())
        .matches(MGN_DATE);
    assertThat(cutover.path("dataReplicationInfo").path("dataReplicationState").asText())
        .isEqualTo("DISCONNECTED");
    assertThat(cutover.path("launchedInstance").path("firstBoot").asText()).isEqualTo("SUCCEEDED");
  }
}
