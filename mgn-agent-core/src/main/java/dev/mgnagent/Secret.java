package dev.mgnagent;

import java.util.Objects;

/**
 * A secret value (a secret access key, a session token) that never shows itself: {@link
 * #toString()} is {@code ****}, so it cannot leak into a log, an event, an exception message or
 * JSON by accident. Only {@link #reveal()} gives the value, for the one place that must send it.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps {@code value}. */
  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value"));
  }

  /** The secret itself. Call only where it is sent to its one destination. */
  public String reveal() {
    return value;
  }

  /** Always {@code ****}. */
  @Override
  public String toString() {
    return "****";
  }
}
