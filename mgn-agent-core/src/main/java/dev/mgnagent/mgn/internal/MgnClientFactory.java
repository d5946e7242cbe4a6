package dev.mgnagent.mgn.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.MgnClientBuilder;

/**
 * Builds the {@link MgnClient}s mgn-agent creates itself: URL-connection HTTP, optional endpoint,
 * and bounded calls: each attempt may take at most {@link #ATTEMPT_TIMEOUT} and a call with all its
 * retries at most {@link #CALL_TIMEOUT}, so that an endpoint that trickles bytes cannot hold a
 * command forever (the HTTP read timeout applies to each read only).
 */
public final class MgnClientFactory {

  /** The longest one HTTP attempt of an MGN call may take. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

  /** The longest an MGN call may take, retries and their backoff included. */
  public static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

  private MgnClientFactory() {}

  /**
   * A client for {@code region}; the default credentials chain when {@code credentials} is empty.
   */
  public static MgnClient create(
      Region region, Optional<AwsCredentialsProvider> credentials, Optional<URI> endpoint) {
    return create(region, credentials, endpoint, Optional.empty());
  }

  /** Like {@link #create(Region, Optional, Optional)}, with the SDK's retry strategy replaced. */
  public static MgnClient create(
      Region region,
      Optional<AwsCredentialsProvider> credentials,
      Optional<URI> endpoint,
      Optional<RetryStrategy> retries) {
    return create(region, credentials, endpoint, retries, ATTEMPT_TIMEOUT, CALL_TIMEOUT);
  }

  /** Like {@link #create(Region, Optional, Optional, Optional)}, with the two timeouts given. */
  public static MgnClient create(
      Region region,
      Optional<AwsCredentialsProvider> credentials,
      Optional<URI> endpoint,
      Optional<RetryStrategy> retries,
      Duration attemptTimeout,
      Duration callTimeout) {
    AwsCredentialsProvider provider =
        credentials.orElseGet(() -> DefaultCredentialsProvider.builder().build());
    MgnClientBuilder builder =
        MgnClient.builder()
            .region(region)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .credentialsProvider(provider);
    endpoint.ifPresent(builder::endpointOverride);
    builder.overrideConfiguration(
        c -> {
          // AWS quotes the session token in signature errors: mask it before anyone reads them
          c.apiCallAttemptTimeout(attemptTimeout)
              .apiCallTimeout(callTimeout)
              .addExecutionInterceptor(new CredentialMasking(provider));
          retries.ifPresent(c::retryStrategy);
        });
    return builder.build();
  }
}
