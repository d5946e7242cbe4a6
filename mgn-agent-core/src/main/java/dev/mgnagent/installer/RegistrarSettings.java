package dev.mgnagent.installer;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link AgentRegistrar} runs the installer and confirms the registration: how long the
 * installer may run before its process tree is killed, and how often and how many times MGN is
 * asked for the new server's disks. Every value has its one default here; {@link
 * AgentRegistrar.Builder} and {@code AgentInstallation.Builder} take these settings.
 *
 * <pre>{@code
 * RegistrarSettings quick = RegistrarSettings.builder().confirmationAttempts(5).build();
 * }</pre>
 */
public final class RegistrarSettings {

  private static final RegistrarSettings DEFAULTS = new Builder().build();

  private final Duration installerTimeout;
  private final Duration confirmationInterval;
  private final int confirmationAttempts;

  private RegistrarSettings(Builder b) {
    this.installerTimeout = b.installerTimeout;
    this.confirmationInterval = b.confirmationInterval;
    this.confirmationAttempts = b.confirmationAttempts;
  }

  /** The defaults: 30 minutes for the installer; the disks looked for every 2 s, 30 times. */
  public static RegistrarSettings defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** How long the installer may run. */
  public Duration installerTimeout() {
    return installerTimeout;
  }

  /** The time between two looks for the registered disks. */
  public Duration confirmationInterval() {
    return confirmationInterval;
  }

  /** How many times to look for the registered disks. */
  public int confirmationAttempts() {
    return confirmationAttempts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegistrarSettings other
        && installerTimeout.equals(other.installerTimeout)
        && confirmationInterval.equals(other.confirmationInterval)
        && confirmationAttempts == other.confirmationAttempts;
  }

  @Override
  public int hashCode() {
    return Objects.hash(installerTimeout, confirmationInterval, confirmationAttempts);
  }

  @Override
  public String toString() {
    return "RegistrarSettings[installerTimeout="
        + installerTimeout
        + ", confirmationInterval="
        + confirmationInterval
        + ", confirmationAttempts="
        + confirmationAttempts
        + "]";
  }

  /** Collects {@link RegistrarSettings}; checked by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private Duration installerTimeout = Duration.ofMinutes(30);
    private Duration confirmationInterval = Duration.ofSeconds(2);
    private int confirmationAttempts = 30;

    private Builder() {}

    private Builder(RegistrarSettings s) {
      this.installerTimeout = s.installerTimeout;
      this.confirmationInterval = s.confirmationInterval;
      this.confirmationAttempts = s.confirmationAttempts;
    }

    /** How long the installer may run (default 30 minutes, positive). */
    public Builder installerTimeout(Duration timeout) {
      this.installerTimeout = Objects.requireNonNull(timeout, "installerTimeout");
      return this;
    }

    /** The time between two looks for the registered disks (default 2 s, not negative). */
    public Builder confirmationInterval(Duration interval) {
      this.confirmationInterval = Objects.requireNonNull(interval, "confirmationInterval");
      return this;
    }

    /** How many times to look for the registered disks (default 30, at least 1). */
    public Builder confirmationAttempts(int attempts) {
      this.confirmationAttempts = attempts;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException if a duration or the attempts are out of range
     */
    public RegistrarSettings build() {
      if (installerTimeout.isNegative() || installerTimeout.isZero()) {
        throw new IllegalArgumentException(
            "installerTimeout must be positive: " + installerTimeout);
      }
      if (confirmationInterval.isNegative()) {
        throw new IllegalArgumentException(
            "confirmationInterval must not be negative: " + confirmationInterval);
      }
      if (confirmationAttempts < 1) {
        throw new IllegalArgumentException(
            "confirmationAttempts must be at least 1: " + confirmationAttempts);
      }
      return new RegistrarSettings(this);
    }
  }
}
