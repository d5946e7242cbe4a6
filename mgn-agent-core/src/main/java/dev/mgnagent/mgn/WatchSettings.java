package dev.mgnagent.mgn;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ReplicationWatcher} follows replication: the time between two refreshes and how long
 * to watch at most. Every value has its one default here; {@link ReplicationWatcher.Builder} and
 * {@code AgentInstallation.Builder} take these settings.
 *
 * <pre>{@code
 * WatchSettings patient = WatchSettings.builder().timeout(Duration.ofHours(24)).build();
 * }</pre>
 */
public final class WatchSettings {

  /**
   * The default longest watch, 6 hours: an initial sync of a few hundred GiB over an ordinary link
   * fits; larger servers should give a longer timeout.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(6);

  /** The default time between refreshes. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  private static final WatchSettings DEFAULTS = new Builder().build();

  private final Duration interval;
  private final Duration timeout;

  private WatchSettings(Builder b) {
    this.interval = b.interval;
    this.timeout = b.timeout;
  }

  /** The defaults: every 10 s, for at most 6 hours. */
  public static WatchSettings defaults() {
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

  /** The time between refreshes. */
  public Duration interval() {
    return interval;
  }

  /** How long to watch at most. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WatchSettings other
        && interval.equals(other.interval)
        && timeout.equals(other.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(interval, timeout);
  }

  @Override
  public String toString() {
    return "WatchSettings[interval=" + interval + ", timeout=" + timeout + "]";
  }

  /** Collects {@link WatchSettings}; checked by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private Duration interval = DEFAULT_INTERVAL;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder() {}

    private Builder(WatchSettings s) {
      this.interval = s.interval;
      this.timeout = s.timeout;
    }

    /** The time between refreshes (default 10 s, positive). */
    public Builder interval(Duration interval) {
      this.interval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** How long to watch at most (default 6 hours, positive). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException if a duration is not positive
     */
    public WatchSettings build() {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("the interval must be positive: " + interval);
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the timeout must be positive: " + timeout);
      }
      return new WatchSettings(this);
    }
  }
}
