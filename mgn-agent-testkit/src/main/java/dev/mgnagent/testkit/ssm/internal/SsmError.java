package dev.mgnagent.testkit.ssm.internal;

/** An error the fake answers with: HTTP status, {@code __type} code and message. */
public final class SsmError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public SsmError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** A 400 error of this code. */
  public static SsmError of(String code, String message) {
    return new SsmError(400, code, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
