package dev.mgnagent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Parses an endpoint a user typed (a VPC endpoint's DNS name, a PrivateLink endpoint, a loopback
 * fake) into a base URI without a trailing slash. A bare host name means {@code https}; plain
 * {@code http} is allowed only for loopback hosts, decided without a DNS lookup.
 */
public final class Endpoints {

  /** Longer than any DNS name (253) with scheme, port and a short path. */
  static final int MAX_LENGTH = 1024;

  private Endpoints() {}

  /**
   * @param parameter the flag or field, for the exception
   * @param what how messages name it, such as {@code S3 endpoint}
   * @param example a host name to suggest when the value is empty
   */
  public static URI parse(String parameter, String what, String example, String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw invalid(parameter, what, endpoint, "it is empty; give a host name such as " + example);
    }
    if (endpoint.length() > MAX_LENGTH) {
      throw invalid(parameter, what, endpoint, "longer than " + MAX_LENGTH + " characters");
    }
    if (!Shown.isPrintableAscii(endpoint.strip())) {
      throw invalid(
          parameter,
          what,
          endpoint,
          "it holds a control or non-ASCII character; type"
              + " the host name in ASCII (punycode for an international name)");
    }
    String text = endpoint.strip();
    if (!text.contains("://")) {
      text = "https://" + text;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid(parameter, what, endpoint, "not a URL or host name (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      throw invalid(parameter, what, endpoint, "no host name in it");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw invalid(
          parameter, what, endpoint, "port " + uri.getPort() + " is out of range (1 to 65535)");
    }
    if (uri.getRawAuthority().endsWith(":")) {
      throw invalid(parameter, what, endpoint, "the port after ':' is missing");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(
          parameter,
          what,
          endpoint,
          "give only a scheme, host, port and optional path, without user, query or fragment");
    }
    if (scheme.equals("http")) {
      if (!Loopback.isLoopbackHost(uri.getHost())) {
        throw invalid(
            parameter,
            what,
            endpoint,
            "plain http:// is accepted only for loopback"
                + " (127.0.0.0/8, ::1, localhost); use https://"
                + uri.getHost());
      }
    } else if (!scheme.equals("https")) {
      throw invalid(parameter, what, endpoint, "the scheme must be https (or http for loopback)");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return URI.create(
        scheme + "://" + uri.getRawAuthority().replaceFirst(":[0-9]*$", "") + port + path);
  }

  private static InvalidRequestException invalid(
      String parameter, String what, String endpoint, String why) {
    // user info may hold a password or a secret key: never repeat it
    String shown = endpoint == null ? null : endpoint.replaceAll("(?<=//)[^/@]*@", "****@");
    return new InvalidRequestException(
        parameter, Regions.flagPrefix(parameter) + what + " " + Shown.quoted(shown) + ": " + why);
  }
}
