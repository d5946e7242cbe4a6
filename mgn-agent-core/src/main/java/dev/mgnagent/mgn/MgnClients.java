package dev.mgnagent.mgn;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Builds an {@link MgnClient} the way mgn-agent builds its own: the JDK's URL-connection HTTP
 * client (no Netty or Apache client on the class path) and an optional endpoint override (a VPC
 * endpoint, or a fake MGN on loopback). Its proxy is the {@link dev.mgnagent.ProxyRoute} of this
 * process's {@code https_proxy} and {@code no_proxy}; each attempt may take 30 s and each call 2
 * min. The caller owns and closes the client.
 */
public final class MgnClients {

  private MgnClients() {}

  /** A client for {@code region} that signs with {@code credentials}. */
  public static MgnClient create(Region region, AwsCredentialsProvider credentials) {
    return dev.mgnagent.mgn.internal.MgnClientFactory.create(
        Objects.requireNonNull(region, "region"),
        Optional.of(Objects.requireNonNull(credentials, "credentials")),
        Optional.empty());
  }

  /** Like {@link #create(Region, AwsCredentialsProvider)}, sent to {@code endpoint} instead. */
  public static MgnClient create(Region region, AwsCredentialsProvider credentials, URI endpoint) {
    return dev.mgnagent.mgn.internal.MgnClientFactory.create(
        Objects.requireNonNull(region, "region"),
        Optional.of(Objects.requireNonNull(credentials, "credentials")),
        Optional.of(Objects.requireNonNull(endpoint, "endpoint")));
  }
}
