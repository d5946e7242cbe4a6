package dev.mgnagent.installer.internal;

import dev.mgnagent.InvalidRequestException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * An {@code https_proxy}-style setting ({@code http://host:port} or {@code host:port}): the HTTP
 * proxy that {@code https} requests tunnel through with {@code CONNECT}. No DNS lookup happens
 * here; the proxy resolves nothing until a request is made.
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
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw invalid(value, "only http:// proxies are supported (the https request tunnels through it)");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid(value, "proxy authentication (user:password@) is not supported yet");
    }
    if (uri.getHost() == null) {
      throw invalid(value, "no host name in it");
    }
    return new ProxySetting(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
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
    return new InvalidRequestException("httpsProxy", "https_proxy '" + redacted(value) + "': " + why);
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
