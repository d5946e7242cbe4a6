package dev.mgnagent;

import java.net.Proxy;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one route mgn-agent's own {@code https} requests take, read once from a host's environment:
 * the HTTP proxy named by {@code https_proxy} (or {@code HTTPS_PROXY}), except for the hosts on
 * {@code no_proxy} (or {@code NO_PROXY}). The installer download and every AWS API client use the
 * same route, so that they cannot reach the network by different paths. Plain {@code http} URLs
 * (loopback fakes) never use the proxy.
 *
 * @param proxy the proxy, empty for direct connections
 * @param noProxy the hosts that bypass it
 * @param note the one-line note to show once, when the proxy was written with an {@code https://}
 *     scheme
 */
public record ProxyRoute(Optional<ProxySetting> proxy, NoProxy noProxy, Optional<String> note) {

  /** Every request goes direct. */
  public static final ProxyRoute DIRECT =
      new ProxyRoute(Optional.empty(), NoProxy.NONE, Optional.empty());

  public ProxyRoute {
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(noProxy, "noProxy");
    Objects.requireNonNull(note, "note");
  }

  /**
   * The route the variables of {@code environment} describe; the lower-case names win over the
   * upper-case ones, as curl reads them.
   *
   * @throws InvalidRequestException (naming the variable) if the proxy is not a usable URL
   */
  public static ProxyRoute fromEnvironment(Map<String, String> environment) {
    Optional<String> name = variableName(environment, "https_proxy");
    if (name.isEmpty()) {
      return new ProxyRoute(
          Optional.empty(), NoProxy.parse(variable(environment, "no_proxy")), Optional.empty());
    }
    String value = environment.get(name.get());
    ProxySetting setting;
    try {
      setting = ProxySetting.parse(value);
    } catch (InvalidRequestException e) {
      // ProxySetting names the value "https_proxy": say which spelling was actually set
      String message = String.valueOf(e.getMessage());
      throw new InvalidRequestException(
          "httpsProxy",
          message.startsWith("https_proxy ")
              ? name.get() + message.substring("https_proxy".length())
              : name.get() + ": " + message);
    }
    return new ProxyRoute(
        Optional.of(setting),
        NoProxy.parse(variable(environment, "no_proxy")),
        ProxySetting.note(value));
  }

  /** Whether requests to {@code url} go through the proxy. */
  public boolean proxies(URI url) {
    return proxy.isPresent()
        && "https".equalsIgnoreCase(url.getScheme())
        && !noProxy.bypasses(url.getHost());
  }

  /** The {@link Proxy} for {@code url}: the proxy, or {@link Proxy#NO_PROXY}. */
  public Proxy proxyFor(URI url) {
    return proxies(url) ? proxy.get().toProxy() : Proxy.NO_PROXY;
  }

  private static Optional<String> variableName(Map<String, String> environment, String lower) {
    for (String name : new String[] {lower, lower.toUpperCase(Locale.ROOT)}) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private static String variable(Map<String, String> environment, String lower) {
    return variableName(environment, lower).map(environment::get).orElse(null);
  }
}
