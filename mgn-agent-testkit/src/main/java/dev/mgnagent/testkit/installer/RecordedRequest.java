package dev.mgnagent.testkit.installer;

import java.util.Objects;
import java.util.Optional;

/**
 * One request a {@link FakeInstallerBucket} answered, for assertions: what was asked, and what was
 * served.
 *
 * @param method the HTTP method
 * @param path the raw request path, such as {@code
 *     /aws-application-migration-service-us-east-1/latest/linux/aws-replication-installer-init}
 * @param range the {@code Range} header, if any
 * @param ifRange the {@code If-Range} header, if any
 * @param status the status answered
 * @param firstByte the offset of the first body byte served (0 for a full body)
 * @param bytesServed how many body bytes were actually written (less than announced when the body
 *     was cut or stalled)
 */
public record RecordedRequest(
    String method,
    String path,
    Optional<String> range,
    Optional<String> ifRange,
    int status,
    long firstByte,
    long bytesServed) {

  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(ifRange, "ifRange");
  }
}
