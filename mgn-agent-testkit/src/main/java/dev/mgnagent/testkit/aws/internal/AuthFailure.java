package dev.mgnagent.testkit.aws.internal;

/**
 * A request that fails authentication, before any operation runs. Each fake words it in its own
 * protocol: the {@link Kind} picks the service's error code, the message is the service's text.
 */
public final class AuthFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Kind {
    /** No {@code Authorization} header at all. */
    MISSING_TOKEN,
    /** An {@code Authorization} header that cannot be read. */
    INCOMPLETE_SIGNATURE,
    /** An access key (or session token) the fake does not know. */
    UNRECOGNIZED_CLIENT,
    /** A signature that does not match, or a request signed too long ago. */
    INVALID_SIGNATURE,
    /** A session token that was valid and has expired. */
    EXPIRED_TOKEN
  }

  private final Kind kind;

  public AuthFailure(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static AuthFailure incompleteSignature(String message) {
    return new AuthFailure(Kind.INCOMPLETE_SIGNATURE, message);
  }

  static AuthFailure invalidSignature(String message) {
    return new AuthFailure(Kind.INVALID_SIGNATURE, message);
  }

  static AuthFailure unrecognizedClient() {
    return new AuthFailure(
        Kind.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
  }
}
