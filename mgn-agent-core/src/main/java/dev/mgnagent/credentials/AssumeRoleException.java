package dev.mgnagent.credentials;

import dev.mgnagent.MgnAgentException;

/**
 * STS did not give install credentials: {@code AssumeRole} was refused (the role does not trust the
 * caller, the duration exceeds the role's maximum, ...) or STS could not be reached. The message
 * names the role and STS's error code, never a secret.
 */
public final class AssumeRoleException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final String errorCode;

  AssumeRoleException(String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  /** STS's error code ({@code AccessDenied}, {@code ValidationError}, ...) or {@code NETWORK}. */
  public String errorCode() {
    return errorCode;
  }
}
