package dev.mgnagent.testkit.mgn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/** What goes over the wire, read without the SDK's unmarshalling. */
class FakeMgnWireTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private FakeMgn mgn;

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().build().start();
  }

  @AfterEach
  void stop() {
    mgn.close();
  }

  private HttpResponse<String> signed(String path, String body) throws Exception {
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

  @Test
  void unsignedRequestIsMissingAuthenticationToken() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(mgn.endpoint().resolve("/DescribeSourceServers"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString(UTF_8));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("MissingAuthenticationTokenException");
    assertThat(json.readTree(response.body()).path("message").asText())
        .isEqualTo("Missing Authentication Token");
  }

  @Test
  void errorsCarryTheTypeHeaderAndAJsonMessage() throws Exception {
    HttpResponse<String> response = signed("/DescribeSourceServers", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("UninitializedAccountException");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(json.readTree(response.body()).path("message").asText()).isNotBlank();
  }

  @Test
  void initializeServiceIsAnEmpty204AndItemsAreAlwaysPresent() throws Exception {
    HttpResponse<String> init = signed("/InitializeService", "");
    assertThat(init.statusCode()).isEqualTo(204);
    assertThat(init.body()).isEmpty();

    HttpResponse<String> empty = signed("/DescribeSourceServers", "{\"maxResults\":10}");
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).isEqualTo("{\"items\":[]}");

    mgn.addSourceServer(s -> s.hostname("wire"));
    JsonNode server =
        json.readTree(signed("/DescribeSourceServers", "{}").body()).path("items").path(0);
    assertThat(server.path("lifeCycle").path("addedToServiceDateTime").isTextual()).isTrue();
    assertThat(server.path("dataReplicationInfo").path("lagDuration").asText()).isEqualTo("P0D");
    assertThat(server.path("sourceProperties").path("disks").path(0).path("deviceName").asText())
        .isEqualTo("/dev/vda");
    assertThat(server.path("replicationType").asText()).isEqualTo("AGENT_BASED");
    assertThat(server.path("isArchived").isBoolean()).isTrue();
  }
}
