package dev.mgnagent;

/**
 * The root of every exception mgn-agent throws. Unchecked, like the AWS SDK's. Each message says
 * what happened and what to do next; subclasses carry the details as fields.
 */
public class MgnAgentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MgnAgentException(String message) {
    super(message);
  }

  public MgnAgentException(String message, Throwable cause) {
    super(message, cause);
  }
}
