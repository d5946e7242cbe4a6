package dev.mgnagent.installer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

class FailureExplanationsTest {

  private static final URI VPCE =
      URI.create(
          "https://vpce-0a1b-2c3d.s3.us-east-1.vpce.amazonaws.com/aws-application-migration-service-us-east-1/latest/linux/aws-replication-installer-init");

  @Test
  void hostnameMismatchOnAVpcEndpointSuggestsTheBucketPrefix() {
    SSLHandshakeException e =
        new SSLHandshakeException(
            "No subject alternative DNS name matching vpce-0a1b-2c3d.s3.us-east-1.vpce.amazonaws.com found.");

    String message = FailureExplanations.forTls(VPCE, e);

    assertThat(message)
        .contains("not valid for that name")
        .contains("bucket.vpce-0a1b-2c3d.s3.us-east-1.vpce.amazonaws.com")
        .contains("no insecure mode");
  }

  @Test
  void untrustedCertificatePointsAtAnInspectingProxy() {
    SSLHandshakeException e = new SSLHandshakeException("PKIX path building failed");

    assertThat(FailureExplanations.forTls(VPCE, e)).contains("not trusted").contains("trust store");
  }

  @Test
  void otherTlsFailuresStillSayThereIsNoInsecureMode() {
    assertThat(
            FailureExplanations.forTls(
                VPCE, new SSLPeerUnverifiedException("peer not authenticated")))
        .contains("no insecure mode");
  }

  @Test
  void forbiddenNamesTheBucketAndTheEndpointPolicy() {
    assertThat(FailureExplanations.forStatus(VPCE, 403, "AccessDenied"))
        .contains("HTTP 403 AccessDenied")
        .contains("arn:aws:s3:::aws-application-migration-service-us-east-1/*");
  }

  @Test
  void s3ErrorCodeIsReadFromTheXmlBody() {
    assertThat(FailureExplanations.s3ErrorCode("<Error><Code>NoSuchKey</Code></Error>"))
        .isEqualTo("NoSuchKey");
    assertThat(FailureExplanations.s3ErrorCode("")).isEmpty();
  }

  @Test
  void onlyServerErrorsThrottlingAndTimeoutsAreRetried() {
    assertThat(FailureExplanations.isRetryable(500)).isTrue();
    assertThat(FailureExplanations.isRetryable(503)).isTrue();
    assertThat(FailureExplanations.isRetryable(429)).isTrue();
    assertThat(FailureExplanations.isRetryable(403)).isFalse();
    assertThat(FailureExplanations.isRetryable(404)).isFalse();
  }
}
