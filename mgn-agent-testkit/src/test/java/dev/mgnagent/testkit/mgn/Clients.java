package dev.mgnagent.testkit.mgn;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.MgnClientBuilder;

/** Clients for the fake that do not retry, so an error arrives at once. */
final class Clients {
  private Clients() {}

  static MgnClientBuilder noRetryBuilder(FakeMgn mgn) {
    return mgn.clientBuilder()
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
  }

  static MgnClient noRetry(FakeMgn mgn) {
    return noRetryBuilder(mgn).build();
  }

  /** A client sending through {@code http} (which it does not close), admin keys, no retries. */
  static MgnClient through(FakeMgn mgn, SdkHttpClient http) {
    return MgnClient.builder()
        .region(mgn.region())
        .endpointOverride(mgn.endpoint())
        .httpClient(http)
        .credentialsProvider(StaticCredentialsProvider.create(mgn.adminCredentials()))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static MgnClient noRetry(FakeMgn mgn, AwsCredentials credentials) {
    return noRetryBuilder(mgn)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .build();
  }
}
