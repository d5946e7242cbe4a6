package dev.mgnagent.testkit.aws.internal;

/**
 * An error answer of a Query-protocol fake (IAM, STS) or of the EC2 fake: an HTTP status, the
 * service's error code and message. {@link QueryServer} writes it in the service's XML form.
 */
public final class QueryError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public QueryError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
