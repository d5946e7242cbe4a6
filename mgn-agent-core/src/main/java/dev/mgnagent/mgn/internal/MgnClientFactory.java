package dev.mgnagent.mgn.internal;

import dev.mgnagent.ProxyRoute;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
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

  /** The longest one HTTP attempt of an MGN call may take: {@link AwsHttp#ATTEMPT_TIMEOUT}. */
  public static final Duration ATTEMPT_TIMEOUT = AwsHttp.ATTEMPT_TIMEOUT;

  /** The longest an MGN call may take, retries included: {@link AwsHttp#CALL_TIMEOUT}. */
  public static final Duration CALL_TIMEOUT = AwsHttp.CALL_TIMEOUT;

  private MgnClientFactory() {}

  /**
   * A client for {@code region}; the default credentials chain when {@code credentials} is empty.
   * Its proxy comes from this process's {@code https_proxy} and {@code no_proxy}.
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
    return create(
        region,
        credentials,
        endpoint,
        retries,
        ProxyRoute.fromEnvironment(System.getenv()),
        ATTEMPT_TIMEOUT,
        CALL_TIMEOUT);
  }

  /** Like {@link #create(Region, Optional, Optional, Optional)}, through {@code route}. */
  public static MgnClient create(
      Region region,
      Optional<AwsCredentialsProvider> credentials,
      Optional<URI> endpoint,
      Optional<RetryStrategy> retries,
      ProxyRoute route) {
    return create(region, credentials, endpoint, retries, route, ATTEMPT_TIMEOUT, CALL_TIMEOUT);
  }

  /**
   * Like {@link #create(Region, Optional, Optional, Optional, ProxyRoute)}, with the two timeouts
   * given.
   */
  public static MgnClient create(
      Region region,
      Optional<AwsCredentialsProvider> credentials,
      Optional<URI> endpoint,
      Optional<RetryStrategy> retries,
      ProxyRoute route,
      Duration attemptTimeout,
      Duration callTimeout) {
    AwsCredentialsProvider provider =
        credentials.orElseGet(() -> DefaultCredentialsProvider.builder().build());
    MgnClientBuilder builder =
        MgnClient.builder()
            .region(region)
            .httpClientBuilder(AwsHttp.httpClient(route, endpoint))
            .credentialsProvider(provider);
    endpoint.ifPresent(builder::endpointOverride);
    builder.overrideConfiguration(
        c -> {
          // AWS quotes the session token in signature errors: mask it before anyone reads them
          AwsHttp.limit(c, attemptTimeout, callTimeout);
          c.addExecutionInterceptor(new CredentialMasking(provider));
          retries.ifPresent(c::retryStrategy);
        });
    return builder.build();
  }
}
