package dev.mgnagent.installer.internal;

import dev.mgnagent.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Parses an S3 endpoint given by a user (an S3 VPC endpoint's DNS name, or a loopback test
 * server) into a base URI without a trailing slash. A bare host name means {@code https}; plain
 * {@code http} is allowed only for loopback hosts.
 */
public final class S3Endpoint {

  private S3Endpoint() {}

  public static URI parse(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw invalid(endpoint, "it is empty; give a host name such as bucket.vpce-0123-abcd.s3.us-east-1.vpce.amazonaws.com");
    }
    String text = endpoint.strip();
    if (!text.contains("://")) {
      text = "https://" + text;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid(endpoint, "not a URL or host name (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      throw invalid(endpoint, "no host name in it");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(endpoint, "give only a scheme, host, port and optional path, without user, query or fragment");
    }
    if (scheme.equals("http")) {
      if (!Loopback.isLoopbackHost(uri.getHost())) {
        throw invalid(
            endpoint,
            "plain http:// is accepted only for loopback (127.0.0.0/8, ::1, localhost); use https://"
                + uri.getHost());
      }
    } else if (!scheme.equals("https")) {
      throw invalid(endpoint, "the scheme must be https (or http for loopback)");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return URI.create(scheme + "://" + uri.getRawAuthority().replaceFirst(":[0-9]*$", "") + port + path);
  }

  private static InvalidRequestException invalid(String endpoint, String why) {
    return new InvalidRequestException("s3Endpoint", "S3 endpoint '" + endpoint + "': " + why);
  }
}
