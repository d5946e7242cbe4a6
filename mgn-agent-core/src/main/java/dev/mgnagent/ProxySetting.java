package dev.mgnagent;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * An {@code https_proxy}-style setting ({@code http://host:port}, {@code host:port}, or {@code
 * https://host:port}, read as an HTTP proxy: see {@link #note(String)}): the HTTP proxy that {@code
 * https} requests tunnel through with {@code CONNECT}. No DNS lookup happens here; the proxy
 * resolves nothing until a request is made.
 */
public record ProxySetting(String host, int port) {

  public static ProxySetting parse(String value) {
    String text = value.strip();
    if (!text.contains("://")) {
      text = "http://" + text;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid(value, "not a URL");
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !https) {
      throw invalid(value, "only http:// (or https://, read as http://) proxies are supported");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid(value, "proxy authentication (user:password@) is not supported yet");
    }
    if (uri.getHost() == null) {
      throw invalid(value, "no host name in it");
    }
    return new ProxySetting(uri.getHost(), uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80);
  }

  /**
   * The one-line note for a setting written with an {@code https://} scheme (the form MGN's proxy
   * documentation shows), or empty: such a proxy is used as the usual HTTP {@code CONNECT} proxy,
   * the connection to it is not TLS, and the requests tunnelled through it stay TLS end to end.
   */
  public static java.util.Optional<String> note(String value) {
    String text = value.strip();
    if (!text.regionMatches(true, 0, "https://", 0, 8)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "https_proxy '"
            + redacted(text)
            + "' has an https:// scheme:"
            + " it is used as an HTTP CONNECT proxy (the connection to the proxy is not TLS; the"
            + " requests through it are)");
  }

  /** The proxy for {@code HttpURLConnection}. */
  public Proxy toProxy() {
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }

  @Override
  public String toString() {
    return "http://" + host + ":" + port;
  }

  private static InvalidRequestException invalid(String value, String why) {
    return new InvalidRequestException(
        "httpsProxy", "https_proxy '" + redacted(value) + "': " + why);
  }

  /** The value without its user and password, which must never reach a message. */
  static String redacted(String value) {
    int at = value.lastIndexOf('@');
    if (at < 0) {
      return value;
    }
    int scheme = value.indexOf("://");
    String prefix = scheme >= 0 && scheme < at ? value.substring(0, scheme + 3) : "";
    return prefix + "****" + value.substring(at);
  }
}
