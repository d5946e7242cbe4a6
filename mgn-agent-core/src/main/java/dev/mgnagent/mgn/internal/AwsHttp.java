package dev.mgnagent.mgn.internal;

import dev.mgnagent.NoProxy;
import dev.mgnagent.ProxyRoute;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * What every AWS SDK client mgn-agent builds (MGN, IAM, STS, EC2) shares: the JDK's URL-connection
 * HTTP client, an explicit proxy configuration taken from one {@link ProxyRoute} (the SDK's own
 * reading of proxy variables and system properties is switched off, so the API calls and the
 * installer download take the same route), and the attempt and call timeouts.
 */
public final class AwsHttp {

  /** The longest one HTTP attempt of an AWS API call may take. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

  /** The longest an AWS API call may take, retries and their backoff included. */
  public static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

  private AwsHttp() {}

  /** The HTTP client for a service reached at {@code endpoint} (empty: the regional one). */
  public static UrlConnectionHttpClient.Builder httpClient(
      ProxyRoute route, Optional<URI> endpoint) {
    return UrlConnectionHttpClient.builder().proxyConfiguration(proxy(route, endpoint));
  }

  /** Sets the attempt and call timeouts on a client's override configuration. */
  static void limit(ClientOverrideConfiguration.Builder c, Duration attempt, Duration call) {
    c.apiCallAttemptTimeout(attempt).apiCallTimeout(call);
  }

  /**
   * The proxy configuration: the route's proxy for an {@code https} service (AWS's own endpoints
   * are always https), with the {@code no_proxy} hosts as the SDK's non-proxy host patterns; none
   * for a plain-http endpoint (a loopback fake), as for the download.
   */
  static ProxyConfiguration proxy(ProxyRoute route, Optional<URI> endpoint) {
    ProxyConfiguration.Builder b =
        ProxyConfiguration.builder()
            .useEnvironmentVariablesValues(false)
            .useSystemPropertyValues(false);
    boolean https = endpoint.map(e -> "https".equalsIgnoreCase(e.getScheme())).orElse(true);
    if (route.proxy().isPresent() && https) {
      b.endpoint(URI.create(route.proxy().get().toString()))
          .nonProxyHosts(patterns(route.noProxy()));
    }
    return b.build();
  }

  /** {@code no_proxy} as the regular expressions the SDK matches host names against. */
  static Set<String> patterns(NoProxy noProxy) {
    Set<String> patterns = new LinkedHashSet<>();
    if (noProxy.all()) {
      patterns.add(".*");
    }
    for (String suffix : noProxy.suffixes()) {
      patterns.add("(.*\\.)?" + Pattern.quote(suffix));
    }
    return patterns;
  }
}
