package dev.mgnagent.testkit.ssm;

/**
 * One call a {@link FakeSsm} answered, as it went over the wire.
 *
 * @param operation the operation named by {@code X-Amz-Target} (null when none was)
 * @param status the HTTP status answered
 * @param request the request body
 * @param response the response body
 */
public record RecordedExchange(String operation, int status, String request, String response) {}
