package dev.mgnagent.mgn.internal;

import dev.mgnagent.ProxyRoute;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/**
 * Builds the IAM, STS and EC2 clients initialization needs: URL-connection HTTP through the given
 * {@link ProxyRoute}, optional endpoint, and the attempt and call timeouts (by default those of
 * {@link AwsHttp}, like MGN's).
 */
final class AwsClients {
  private AwsClients() {}

  /** The partition of a region: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
  static String partition(Region region) {
    String id = region.id();
    if (id.startsWith("cn-")) {
      return "aws-cn";
    }
    if (id.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    return "aws";
  }

  /**
   * IAM is global: its requests are signed for the partition's first region (us-east-1 in {@code
   * aws}); a client built for {@code aws-global} with an endpoint override would sign for {@code
   * aws-global}.
   */
  static Region iamRegion(Region region) {
    switch (partition(region)) {
      case "aws-cn":
        return Region.CN_NORTH_1;
      case "aws-us-gov":
        return Region.US_GOV_WEST_1;
      default:
        return Region.US_EAST_1;
    }
  }

  static IamClient iam(
      Region region,
      IdentityProvider<? extends AwsCredentialsIdentity> credentials,
      Optional<URI> endpoint,
      ProxyRoute route,
      Duration attemptTimeout,
      Duration callTimeout) {
    IamClientBuilder b =
        IamClient.builder()
            .region(iamRegion(region))
            .httpClientBuilder(AwsHttp.httpClient(route, endpoint))
            .credentialsProvider(credentials)
            .overrideConfiguration(
                c -> {
                  AwsHttp.limit(c, attemptTimeout, callTimeout);
                  c.addExecutionInterceptor(new CredentialMasking(credentials));
                });
    endpoint.ifPresent(b::endpointOverride);
    return b.build();
  }

  static StsClient sts(
      Region region,
      IdentityProvider<? extends AwsCredentialsIdentity> credentials,
      Optional<URI> endpoint,
      ProxyRoute route,
      Duration attemptTimeout,
      Duration callTimeout) {
    StsClientBuilder b =
        StsClient.builder()
            .region(region)
            .httpClientBuilder(AwsHttp.httpClient(route, endpoint))
            .credentialsProvider(credentials)
            .overrideConfiguration(
                c -> {
                  AwsHttp.limit(c, attemptTimeout, callTimeout);
                  c.addExecutionInterceptor(new CredentialMasking(credentials));
                });
    endpoint.ifPresent(b::endpointOverride);
    return b.build();
  }

  static Ec2Client ec2(
      Region region,
      IdentityProvider<? extends AwsCredentialsIdentity> credentials,
      Optional<URI> endpoint,
      ProxyRoute route,
      Duration attemptTimeout,
      Duration callTimeout) {
    Ec2ClientBuilder b =
        Ec2Client.builder()
            .region(region)
            .httpClientBuilder(AwsHttp.httpClient(route, endpoint))
            .credentialsProvider(credentials)
            .overrideConfiguration(
                c -> {
                  AwsHttp.limit(c, attemptTimeout, callTimeout);
                  c.addExecutionInterceptor(new CredentialMasking(credentials));
                });
    endpoint.ifPresent(b::endpointOverride);
    return b.build();
  }

  static IdentityProvider<? extends AwsCredentialsIdentity> orDefault(
      AwsCredentialsProvider provider) {
    return provider != null
        ? provider
        : software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build();
  }
}
