package dev.mgnagent.testkit.mgn;

import java.util.List;
import java.util.Map;

/**
 * One request the fake MGN answered, for assertions. The values of {@code Authorization} and {@code
 * X-Amz-Security-Token} are replaced by {@code ****}; nothing secret is kept.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent, or null
 * @param operation the MGN operation it addressed ({@code DescribeSourceServers}, ...), or null
 *     when it matched none
 * @param accessKeyId the access key ID of its signature, or null when unsigned
 * @param status the HTTP status of the answer, or 0 when the connection was dropped on purpose
 *     ({@code errorCode} {@code DroppedConnection})
 * @param errorCode the error code of the answer ({@code x-amzn-ErrorType}), or null on success
 * @param headers the request headers by lower-case name, secrets masked
 * @param body the request body as UTF-8 text (empty when there was none)
 */
public record RecordedRequest(
    String method,
    String rawPath,
    String rawQuery,
    String operation,
    String accessKeyId,
    int status,
    String errorCode,
    Map<String, List<String>> headers,
    String body) {

  /** Copies the headers. */
  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, by any case, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
