package dev.mgnagent.mgn;

import dev.mgnagent.MgnAgentException;
import java.util.Optional;

/**
 * A call to MGN failed. The message says what happened and what to do; {@link #errorCode()} is the
 * service's own code (such as {@code AccessDeniedException}) when MGN answered at all.
 */
public class MgnServiceException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String errorCode;

  public MgnServiceException(String operation, String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.errorCode = errorCode;
  }

  /** The MGN operation that failed, such as {@code InitializeService}. */
  public String operation() {
    return operation;
  }

  /** The error code MGN returned; empty when the service was not reached. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }
}
