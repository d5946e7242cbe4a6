package dev.mgnagent.mgn.internal;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.MgnClientBuilder;

/** Builds the {@link MgnClient}s mgn-agent creates itself: URL-connection HTTP, optional endpoint. */
public final class MgnClientFactory {

  private MgnClientFactory() {}

  /** A client for {@code region}; the default credentials chain when {@code credentials} is empty. */
  public static MgnClient create(
      Region region, Optional<AwsCredentialsProvider> credentials, Optional<URI> endpoint) {
    return create(region, credentials, endpoint, Optional.empty());
  }

  /** Like {@link #create(Region, Optional, Optional)}, with the SDK's retry strategy replaced. */
  public static MgnClient create(Region region, Optional<AwsCredentialsProvider> credentials,
      Optional<URI> endpoint, Optional<RetryStrategy> retries) {
    MgnClientBuilder builder =
        MgnClient.builder()
            .region(region)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .credentialsProvider(
                credentials.orElseGet(() -> DefaultCredentialsProvider.builder().build()));
    endpoint.ifPresent(builder::endpointOverride);
    retries.ifPresent(r -> builder.overrideConfiguration(c -> c.retryStrategy(r)));
    return builder.build();
  }
}
