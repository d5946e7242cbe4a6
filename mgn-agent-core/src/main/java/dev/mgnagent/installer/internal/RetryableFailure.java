package dev.mgnagent.installer.internal;

/**
 * One download attempt failed in a way another attempt may fix: a connection failure, a stall, a
 * truncated body, a 5xx answer. {@code restart} asks the next attempt to start from byte 0.
 */
final class RetryableFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean restart;
  private final int httpStatus;

  RetryableFailure(String reason, boolean restart, int httpStatus, Throwable cause) {
    super(reason, cause);
    this.restart = restart;
    this.httpStatus = httpStatus;
  }

  static RetryableFailure resumable(String reason, Throwable cause) {
    return new RetryableFailure(reason, false, -1, cause);
  }

  static RetryableFailure restarting(String reason) {
    return new RetryableFailure(reason, true, -1, null);
  }

  boolean restart() {
    return restart;
  }

  int httpStatus() {
    return httpStatus;
  }
}
