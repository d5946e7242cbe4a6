package dev.mgnagent.testkit.mgn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.AccessDeniedException;
import software.amazon.awssdk.services.mgn.model.MgnException;

class FakeMgnSignatureTest {
  private static final String SESSION_KEY = "ASIAFAKESESSION00001";
  private static final String SESSION_SECRET = "SessionSecretSessionSecretSessionSecret0";
  private static final String SESSION_TOKEN = "FwoGZXIvYXdzEFAKE//session+token/value==";

  private FakeMgn mgn;

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().initialized(true).build().start();
  }

  @AfterEach
  void stop() {
    mgn.close();
  }

  private static Consumer<Throwable> error(int status, String code) {
    return e -> {
      assertThat(e).isInstanceOf(MgnException.class);
      MgnException m = (MgnException) e;
      assertThat(m.statusCode()).isEqualTo(status);
      assertThat(m.awsErrorDetails().errorCode()).isEqualTo(code);
    };
  }

  @Test
  void adminKeysHaveTheAwsShape() {
    AwsBasicCredentials admin = mgn.adminCredentials();
    assertThat(admin.accessKeyId()).matches("AKIA[A-Z0-9]{16}");
    assertThat(admin.secretAccessKey()).hasSize(40);
    assertThat(mgn.installerCredentials().accessKeyId())
        .matches("AKIA[A-Z0-9]{16}")
        .isNotEqualTo(admin.accessKeyId());
  }

  @Test
  void unknownAccessKeyIsUnrecognizedClient() {
    AwsBasicCredentials stranger =
        AwsBasicCredentials.create(
            "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    try (MgnClient client = Clients.noRetry(mgn, stranger)) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
          .satisfies(error(403, "UnrecognizedClientException"));
    }
  }

  @Test
  void wrongSecretIsInvalidSignature() {
    AwsBasicCredentials wrong =
        AwsBasicCredentials.create(
            mgn.adminCredentials().accessKeyId(),
            "x" + mgn.adminCredentials().secretAccessKey().substring(1));
    try (MgnClient client = Clients.noRetry(mgn, wrong)) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
          .satisfies(error(403, "InvalidSignatureException"));
    }
  }

  @Test
  void sessionCredentialsWorkOnlyWithTheirToken() {
    mgn.addCredentials(
        AwsSessionCredentials.create(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN),
        Set.of("mgn:DescribeSourceServers"));

    try (MgnClient session =
        Clients.noRetry(
            mgn, AwsSessionCredentials.create(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN))) {
      assertThat(session.describeSourceServers(r -> {}).items()).isEmpty();
      assertThatThrownBy(() -> session.initializeService(r -> {}))
          .isInstanceOfSatisfying(
              AccessDeniedException.class,
              e ->
                  assertThat(e.awsErrorDetails().errorMessage())
                      .contains(":assumed-role/")
                      .contains("is not authorized to perform: mgn:InitializeService"));
    }
    try (MgnClient noToken =
        Clients.noRetry(mgn, AwsBasicCredentials.create(SESSION_KEY, SESSION_SECRET))) {
      assertThatThrownBy(() -> noToken.describeSourceServers(r -> {}))
          .satisfies(error(403, "UnrecognizedClientException"));
    }
    try (MgnClient otherToken =
        Clients.noRetry(
            mgn, AwsSessionCredentials.create(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN + "x"))) {
      assertThatThrownBy(() -> otherToken.describeSourceServers(r -> {}))
          .satisfies(error(403, "UnrecognizedClientException"));
    }
  }

  @Test
  void recordedRequestsKeepNoSecret() {
    mgn.addCredentials(
        AwsSessionCredentials.create(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN), Set.of("*"));
    try (MgnClient session =
            Clients.noRetry(
                mgn, AwsSessionCredentials.create(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN));
        MgnClient admin = Clients.noRetry(mgn)) {
      session.describeSourceServers(r -> {});
      admin.describeSourceServers(r -> {});
    }

    List<RecordedRequest> requests = mgn.requests();
    assertThat(requests)
        .extracting(RecordedRequest::accessKeyId)
        .containsExactly(SESSION_KEY, mgn.adminCredentials().accessKeyId());
    assertThat(requests.get(0).header("Authorization")).isEqualTo("****");
    assertThat(requests.get(0).header("X-Amz-Security-Token")).isEqualTo("****");
    assertThat(requests.get(1).header("x-amz-date")).matches("[0-9]{8}T[0-9]{6}Z");
    assertThat(requests.toString())
        .doesNotContain(
            SESSION_TOKEN, SESSION_SECRET, mgn.adminCredentials().secretAccessKey(), "Signature=");
  }

  @Test
  void installerKeysAreDeniedServiceCalls() {
    try (MgnClient installer = Clients.noRetry(mgn, mgn.installerCredentials())) {
      assertThatThrownBy(() -> installer.initializeService(r -> {}))
          .isInstanceOfSatisfying(
              AccessDeniedException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith(
                        "User: arn:aws:iam::111122223333:user/mgn-agent-installer is not authorized to "
                            + "perform: mgn:InitializeService");
              });
      assertThatThrownBy(() -> installer.describeSourceServers(r -> {}))
          .isInstanceOfSatisfying(
              AccessDeniedException.class,
              e ->
                  assertThat(e.awsErrorDetails().errorMessage())
                      .contains("not authorized to perform: mgn:DescribeSourceServers"));
    }
  }

  @Test
  void untamperedRequestThroughTheWrappingClientPasses() {
    try (TamperingHttpClient http = TamperingHttpClient.request(r -> r);
        MgnClient client = Clients.through(mgn, http)) {
      assertThat(client.describeSourceServers(r -> r.maxResults(5)).items()).isEmpty();
    }
  }

  @Test
  void bodyChangedAfterSigningIsInvalidSignature() {
    try (TamperingHttpClient http =
            TamperingHttpClient.body(
                b ->
                    new String(b, UTF_8)
                        .replace("\"maxResults\":5", "\"maxResults\":6")
                        .getBytes(UTF_8));
        MgnClient client = Clients.through(mgn, http)) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> r.maxResults(5)))
          .satisfies(error(403, "InvalidSignatureException"));
    }
    assertThat(mgn.requests().get(0).body()).contains("\"maxResults\":6");
  }

  @Test
  void pathChangedAfterSigningIsInvalidSignature() {
    String a = mgn.addSourceServer(s -> s.tag("who", "a"));
    String b = mgn.addSourceServer(s -> s.tag("who", "b"));
    String arnA = mgn.sourceServer(a).orElseThrow().arn();
    try (TamperingHttpClient http =
            TamperingHttpClient.request(
                r -> r.toBuilder().encodedPath(r.encodedPath().replace(a, b)).build());
        MgnClient client = Clients.through(mgn, http)) {
      assertThatThrownBy(() -> client.listTagsForResource(r -> r.resourceArn(arnA)))
          .satisfies(error(403, "InvalidSignatureException"));
    }
    assertThat(mgn.requests().get(0).rawPath()).endsWith(b);
  }

  @Test
  void queryChangedAfterSigningIsInvalidSignatureAndChangesNothing() {
    String id = mgn.addSourceServer(s -> s.tag("k1", "1").tag("k2", "2"));
    String arn = mgn.sourceServer(id).orElseThrow().arn();
    try (TamperingHttpClient http =
            TamperingHttpClient.request(
                r -> r.toBuilder().putRawQueryParameter("tagKeys", "k2").build());
        MgnClient client = Clients.through(mgn, http)) {
      assertThatThrownBy(() -> client.untagResource(r -> r.resourceArn(arn).tagKeys("k1")))
          .satisfies(error(403, "InvalidSignatureException"));
    }
    assertThat(mgn.sourceServer(id).orElseThrow().tags()).isEqualTo(Map.of("k1", "1", "k2", "2"));
  }

  @Test
  void signedHeaderChangedAfterSigningIsInvalidSignature() {
    try (TamperingHttpClient http =
            TamperingHttpClient.request(
                r -> {
                  String header =
                      signedHeaders(r).stream()
                          .filter(h -> !Set.of("host", "x-amz-date", "content-length").contains(h))
                          .findFirst()
                          .orElseThrow();
                  String value = r.firstMatchingHeader(header).orElseThrow();
                  return r.toBuilder().putHeader(header, value + "0").build();
                });
        MgnClient client = Clients.through(mgn, http)) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
          .satisfies(error(403, "InvalidSignatureException"));
    }
  }

  @Test
  void dateHeaderChangedAfterSigningIsInvalidSignature() {
    try (TamperingHttpClient http =
            TamperingHttpClient.request(
                r -> {
                  String date = r.firstMatchingHeader("X-Amz-Date").orElseThrow();
                  char last = date.charAt(date.length() - 2);
                  String other =
                      date.substring(0, date.length() - 2) + (last == '0' ? '1' : '0') + "Z";
                  return r.toBuilder().putHeader("X-Amz-Date", other).build();
                });
        MgnClient client = Clients.through(mgn, http)) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
          .satisfies(error(403, "InvalidSignatureException"));
    }
  }

  private static List<String> signedHeaders(SdkHttpRequest r) {
    String auth = r.firstMatchingHeader("Authorization").orElseThrow();
    String list = auth.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
    return Arrays.asList(list.split(";"));
  }

  @Test
  void requestSignedMoreThanFifteenMinutesAgoIsRefused() {
    try (FakeMgn ahead =
            FakeMgn.builder()
                .initialized(true)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)))
                .build()
                .start();
        MgnClient client = Clients.noRetry(ahead)) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
          .satisfies(error(403, "InvalidSignatureException"))
          .hasMessageContaining("Signature expired");
    }
  }

  @Test
  void requestSignedMoreThanFifteenMinutesAheadIsRefused() {
    try (FakeMgn behind =
            FakeMgn.builder()
                .initialized(true)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-16)))
                .build()
                .start();
        MgnClient client = Clients.noRetry(behind)) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
          .satisfies(error(403, "InvalidSignatureException"))
          .hasMessageContaining("Signature not yet current");
    }
  }

  @Test
  void requestSignedFourteenMinutesAgoIsAccepted() {
    try (FakeMgn ahead =
            FakeMgn.builder()
                .initialized(true)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(14)))
                .build()
                .start();
        MgnClient client = Clients.noRetry(ahead)) {
      assertThat(client.describeSourceServers(r -> {}).items()).isEmpty();
    }
  }

  @Test
  void requestSignedForAnotherRegionIsInvalidSignature() {
    try (MgnClient client =
        mgn.clientBuilder()
            .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
            .overrideConfiguration(
                o ->
                    o.retryStrategy(
                        software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
            .build()) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
          .satisfies(error(403, "InvalidSignatureException"));
    }
  }
}
