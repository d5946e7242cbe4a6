package dev.mgnagent.fleet;

import dev.mgnagent.MgnAgentException;
import java.util.Objects;

/**
 * A {@link HostConnector} could not reach or log in to a host: the network, the host key, the login
 * or the privileges stood in the way. Nothing was started on that host.
 */
public class HostUnreachableException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final String remedy;

  /**
   * @param reason a short, stable name for why, such as {@code UNREACHABLE}, {@code AUTH_REFUSED}
   *     or {@code HOST_KEY_CHANGED}
   * @param message what happened, naming the host
   * @param remedy what to do about it
   * @param cause the transport's own exception, if any
   */
  public HostUnreachableException(String reason, String message, String remedy, Throwable cause) {
    super(message + " " + remedy, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.remedy = Objects.requireNonNull(remedy, "remedy");
  }

  /** Without a cause. */
  public HostUnreachableException(String reason, String message, String remedy) {
    this(reason, message, remedy, null);
  }

  /** Why, as a short stable name ({@code UNREACHABLE}, {@code AUTH_REFUSED}, ...). */
  public String reason() {
    return reason;
  }

  /** What to do about it. */
  public String remedy() {
    return remedy;
  }
}
