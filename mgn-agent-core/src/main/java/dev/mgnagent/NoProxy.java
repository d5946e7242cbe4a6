package dev.mgnagent;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A {@code no_proxy}-style list: comma-separated host names (a leading dot or {@code *.} is
 * optional; each also matches its subdomains) or {@code *} for every host. Ports and CIDR ranges
 * are not supported and match nothing.
 */
public record NoProxy(List<String> suffixes, boolean all) {

  public static final NoProxy NONE = new NoProxy(List.of(), false);

  public static NoProxy parse(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    List<String> entries =
        Stream.of(value.split(","))
            .map(e -> e.strip().toLowerCase(Locale.ROOT))
            .map(e -> e.startsWith("*.") ? e.substring(2) : e.startsWith(".") ? e.substring(1) : e)
            .filter(e -> !e.isEmpty())
            .toList();
    return new NoProxy(
        entries.stream().filter(e -> !e.equals("*")).toList(), entries.contains("*"));
  }

  /** Whether requests to {@code host} bypass the proxy. */
  public boolean bypasses(String host) {
    if (all) {
      return true;
    }
    String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
    return suffixes.stream().anyMatch(s -> h.equals(s) || h.endsWith("." + s));
  }
}
