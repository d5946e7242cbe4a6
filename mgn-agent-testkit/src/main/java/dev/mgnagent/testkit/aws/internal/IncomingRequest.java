package dev.mgnagent.testkit.aws.internal;

import java.util.List;
import java.util.Map;

/**
 * A request as it arrived: method, raw (still percent-encoded) path and query, headers keyed by
 * lower-case name, and the raw body.
 */
public record IncomingRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body) {

  /** The first value of a header (any case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
