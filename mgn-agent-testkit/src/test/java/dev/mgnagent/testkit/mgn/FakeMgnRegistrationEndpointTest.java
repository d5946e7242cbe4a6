package dev.mgnagent.testkit.mgn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/** The fake's own {@code POST /fake-agent/RegisterAgentForMgn} contract, over signed HTTP. */
class FakeMgnRegistrationEndpointTest {
  private static final String PATH = "/fake-agent/RegisterAgentForMgn";
  private static final String WEB_1 =
      "{\"hostname\":\"web-1\",\"fqdn\":\"web-1.example.com\","
          + "\"macAddresses\":[\"0a:00:00:00:00:01\"],"
          + "\"disks\":[{\"deviceName\":\"/dev/vda\",\"bytes\":21474836480}],"
          + "\"userProvidedID\":\"asset-7\",\"os\":\"Linux version 6.1\",\"cpus\":4,"
          + "\"ramBytes\":8589934592,\"noReplication\":false";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final SteppedClock simulation = new SteppedClock(Instant.parse("2026-01-01T00:00:00Z"));
  private FakeMgn mgn;

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().simulationClock(simulation).build().start();
    mgn.newClient().initializeService(r -> {});
  }

  @AfterEach
  void stop() {
    mgn.close();
  }

  private HttpResponse<String> register(AwsCredentials keys, String body) throws Exception {
    URI uri = mgn.endpoint().resolve(PATH);
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
                    r.identity(keys)
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

  @Test
  void newServerIsCreatedWithWhatTheAgentReported() throws Exception {
    HttpResponse<String> response = register(mgn.installerCredentials(), WEB_1 + "}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("created").asBoolean()).isTrue();
    String id = body.path("sourceServerID").asText();
    assertThat(id).matches("s-[0-9a-f]{17}");
    SourceServer s = mgn.sourceServer(id).orElseThrow();
    assertThat(s.sourceProperties().identificationHints().hostname()).isEqualTo("web-1");
    assertThat(s.sourceProperties().identificationHints().fqdn()).isEqualTo("web-1.example.com");
    // as MGN reports MACs, whatever form the agent sent
    assertThat(s.sourceProperties().networkInterfaces().get(0).macAddress())
        .isEqualTo("0A-00-00-00-00-01");
    assertThat(s.sourceProperties().cpus().get(0).cores()).isEqualTo(4L);
    assertThat(s.sourceProperties().ramBytes()).isEqualTo(8589934592L);
    assertThat(s.userProvidedID()).isEqualTo("asset-7");
    assertThat(s.dataReplicationInfo().replicatedDisks())
        .extracting(d -> d.deviceName())
        .containsExactly("/dev/vda");
  }

  @Test
  void sourcePropertiesDisksAppearOnlyAfterTheReportDelay() throws Exception {
    String id =
        json.readTree(register(mgn.adminCredentials(), WEB_1 + "}").body())
            .path("sourceServerID")
            .asText();

    assertThat(mgn.sourceServer(id).orElseThrow().sourceProperties().disks()).isEmpty();
    simulation.advance(SimulationSettings.defaults().disksReportDelay());
    assertThat(mgn.sourceServer(id).orElseThrow().sourceProperties().disks())
        .extracting(d -> d.deviceName() + "=" + d.bytes())
        .containsExactly("/dev/vda=21474836480");
  }

  @Test
  void reinstallKeepsTheIdAndTakesTheNewDisks() throws Exception {
    String first =
        json.readTree(register(mgn.installerCredentials(), WEB_1 + "}").body())
            .path("sourceServerID")
            .asText();
    String again =
        "{\"hostname\":\"renamed\",\"macAddresses\":[\"0A:00:00:00:00:01\"],"
            + "\"disks\":[{\"deviceName\":\"/dev/vda\",\"bytes\":21474836480},"
            + "{\"deviceName\":\"/dev/vdb\",\"bytes\":1073741824}]}";

    JsonNode body = json.readTree(register(mgn.installerCredentials(), again).body());

    assertThat(body.path("created").asBoolean()).isFalse();
    assertThat(body.path("sourceServerID").asText()).isEqualTo(first);
    assertThat(mgn.sourceServers()).hasSize(1);
    assertThat(mgn.sourceServer(first).orElseThrow().dataReplicationInfo().replicatedDisks())
        .extracting(d -> d.deviceName())
        .containsExactly("/dev/vda", "/dev/vdb");
  }

  @Test
  void sameHostnameWithAnotherMacIsANewServer() throws Exception {
    String first =
        json.readTree(
                register(
                        mgn.installerCredentials(),
                        "{\"hostname\":\"db-1\",\"macAddresses\":[\"0A-40-F1-E8-B2-2D\"]}")
                    .body())
            .path("sourceServerID")
            .asText();

    JsonNode again =
        json.readTree(
            register(
                    mgn.installerCredentials(),
                    "{\"hostname\":\"db-1\",\"macAddresses\":[\"0A-40-F1-E8-B2-2E\"]}")
                .body());

    assertThat(again.path("sourceServerID").asText()).isNotEqualTo(first);
    assertThat(again.path("created").asBoolean()).isTrue();
  }

  @Test
  void sameMacInAnotherFormIsAReinstall() throws Exception {
    String first =
        json.readTree(
                register(
                        mgn.installerCredentials(),
                        "{\"hostname\":\"db-1\",\"macAddresses\":[\"0A-40-F1-E8-B2-2D\"]}")
                    .body())
            .path("sourceServerID")
            .asText();

    JsonNode again =
        json.readTree(
            register(
                    mgn.installerCredentials(),
                    "{\"hostname\":\"db-1.example.com\",\"macAddresses\":[\"0a:40:f1:e8:b2:2d\"]}")
                .body());

    assertThat(again.path("sourceServerID").asText()).isEqualTo(first);
    assertThat(again.path("created").asBoolean()).isFalse();
  }

  @Test
  void hostDisksAreReportedWhileOnlyTheSelectedAreReplicated() throws Exception {
    String id =
        json.readTree(
                register(
                        mgn.installerCredentials(),
                        "{\"hostname\":\"db-2\",\"macAddresses\":[\"0A-40-F1-E8-B2-3D\"],"
                            + "\"disks\":[{\"deviceName\":\"/dev/nvme0n1\",\"bytes\":8589934592}],"
                            + "\"hostDisks\":[{\"deviceName\":\"/dev/nvme0n1\",\"bytes\":8589934592},"
                            + "{\"deviceName\":\"/dev/nvme1n1\",\"bytes\":107374182400}]}")
                    .body())
            .path("sourceServerID")
            .asText();

    assertThat(mgn.sourceServer(id).orElseThrow().dataReplicationInfo().replicatedDisks())
        .extracting(d -> d.deviceName())
        .containsExactly("/dev/nvme0n1");
  }

  @Test
  void userProvidedIdAndTagsAreCheckedByMgnRules() throws Exception {
    assertThat(
            register(
                    mgn.installerCredentials(),
                    "{\"hostname\":\"db-3\",\"userProvidedID\":\" leading-blank\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            register(
                    mgn.installerCredentials(),
                    "{\"hostname\":\"db-3\",\"tags\":{\"aws:owner\":\"x\"}}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void tagsOnANewServerAreAllowedToInstallerKeys() throws Exception {
    HttpResponse<String> response =
        register(mgn.installerCredentials(), WEB_1 + ",\"tags\":{\"team\":\"blue\"}}");

    assertThat(response.statusCode()).isEqualTo(200);
    String id = json.readTree(response.body()).path("sourceServerID").asText();
    assertThat(mgn.sourceServer(id).orElseThrow().tags()).containsEntry("team", "blue");
  }

  @Test
  void tagsForAnExistingServerAreAConflictSayingAlreadyExists() throws Exception {
    register(mgn.installerCredentials(), WEB_1 + "}");

    HttpResponse<String> response =
        register(mgn.installerCredentials(), WEB_1 + ",\"tags\":{\"team\":\"blue\"}}");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ConflictException");
    assertThat(json.readTree(response.body()).path("message").asText()).contains("already exists");
  }

  @Test
  void keysWithoutRegisterAgentForMgnAreDenied() throws Exception {
    AwsBasicCredentials reader =
        AwsBasicCredentials.create(
            "AKIAREADONLY00000001", "readonly-secret-key-0000000000000000000000");
    mgn.addCredentials(reader, Set.of("mgn:DescribeSourceServers"));

    HttpResponse<String> response = register(reader, WEB_1 + "}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
    assertThat(response.body()).contains("mgn:RegisterAgentForMgn");
    assertThat(mgn.sourceServers()).isEmpty();
  }

  @Test
  void tagsOnANewServerNeedTheTagGrant() throws Exception {
    AwsBasicCredentials keys =
        AwsBasicCredentials.create(
            "AKIAREGISTERONLY0001", "register-secret-key-0000000000000000000000");
    mgn.addCredentials(keys, Set.of("mgn:RegisterAgentForMgn"));

    HttpResponse<String> response = register(keys, WEB_1 + ",\"tags\":{\"team\":\"blue\"}}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("mgn:TagResource");
    assertThat(register(keys, WEB_1 + "}").statusCode()).isEqualTo(200);
  }

  @Test
  void uninitializedAccountIsRefused() throws Exception {
    try (FakeMgn fresh = FakeMgn.builder().build().start()) {
      mgn.close();
      mgn = fresh;
      HttpResponse<String> response = register(fresh.installerCredentials(), WEB_1 + "}");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("x-amzn-ErrorType"))
          .hasValue("UninitializedAccountException");
    }
  }

  @Test
  void missingHostnameIsAValidationError() throws Exception {
    HttpResponse<String> response = register(mgn.adminCredentials(), "{\"disks\":[]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
  }

  @Test
  void registrationCanBeFaultedLikeAnyOperation() throws Exception {
    mgn.failNext("RegisterAgentForMgn", 1, 503, "ServiceUnavailableException");

    assertThat(register(mgn.installerCredentials(), WEB_1 + "}").statusCode()).isEqualTo(503);
    assertThat(register(mgn.installerCredentials(), WEB_1 + "}").statusCode()).isEqualTo(200);
    assertThat(mgn.requests())
        .extracting(RecordedRequest::operation)
        .containsOnly("InitializeService", "RegisterAgentForMgn");
    simulation.advance(Duration.ZERO);
  }
}
