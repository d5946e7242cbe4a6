package dev.mgnagent.testkit.installer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;

/**
 * The fake installer's own SigV4 signature is the one the AWS SDK's signer computes for the same
 * request, key and instant, with and without a session token.
 */
class SigV4SignerTest {

  private static final Instant NOW = Instant.parse("2026-12-02T07:15:30Z");
  private static final URI URI_ =
      URI.create("http://127.0.0.1:40123/fake-agent/RegisterAgentForMgn");
  private static final byte[] BODY =
      "{\"hostname\":\"web-1\",\"tags\":{\"a b\":\"é\"}}".getBytes(StandardCharsets.UTF_8);

  @Test
  void signsAsTheSdkDoes() {
    Map<String, String> ours =
        SigV4Signer.sign(
            URI_, "application/json", BODY, "eu-west-3", "mgn", "AKIDEXAMPLE", "s3cr3t", null, NOW);
    assertThat(ours.get("authorization")).isEqualTo(sdkAuthorization(null));
    assertThat(ours).doesNotContainKey("x-amz-security-token");
  }

  @Test
  void signsTheSessionTokenAsTheSdkDoes() {
    Map<String, String> ours =
        SigV4Signer.sign(
            URI_,
            "application/json",
            BODY,
            "eu-west-3",
            "mgn",
            "ASIAEXAMPLE",
            "s3cr3t",
            "tok/en=",
            NOW);
    assertThat(ours.get("authorization")).isEqualTo(sdkAuthorization("tok/en="));
    assertThat(ours).containsEntry("x-amz-security-token", "tok/en=");
  }

  private static String sdkAuthorization(String token) {
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI_)
            .putHeader("content-type", "application/json")
            .contentStreamProvider(() -> new ByteArrayInputStream(BODY))
            .build();
    return AwsV4HttpSigner.create()
        .sign(
            r ->
                r.identity(
                        token == null
                            ? AwsBasicCredentials.create("AKIDEXAMPLE", "s3cr3t")
                            : AwsSessionCredentials.create("ASIAEXAMPLE", "s3cr3t", token))
                    .request(request)
                    .payload(request.contentStreamProvider().orElseThrow())
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "mgn")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-3"))
        .request()
        .firstMatchingHeader("Authorization")
        .orElseThrow();
  }
}
