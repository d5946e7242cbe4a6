package dev.mgnagent.installer;

import dev.mgnagent.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How the installer download connects and retries: the connect timeout, how long a body may stay
 * silent before the attempt counts as stalled, how many attempts in a row may fail without getting
 * further into the file, and the delay before each retry. Every value has its one default here;
 * {@link InstallerVerifier.Builder} and {@code AgentInstallation.Builder} take these settings.
 *
 * <pre>{@code
 * DownloadSettings patient = DownloadSettings.builder().maxAttempts(10).build();
 * }</pre>
 */
public final class DownloadSettings {

  private static final DownloadSettings DEFAULTS = new Builder().build();

  private final Duration connectTimeout;
  private final Duration stallTimeout;
  private final int maxAttempts;
  private final Backoff backoff;

  private DownloadSettings(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.stallTimeout = b.stallTimeout;
    this.maxAttempts = b.maxAttempts;
    this.backoff = b.backoff;
  }

  /** The defaults: 20 s to connect, 30 s of silence, 5 attempts, 1 s doubling to 16 s. */
  public static DownloadSettings defaults() {
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

  /** How long to wait for a TCP (and TLS) connection. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long a download may go without receiving a byte before it is retried. */
  public Duration stallTimeout() {
    return stallTimeout;
  }

  /** How many attempts in a row may fail without progress; new bytes reset the count. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The delay before each retry. */
  public Backoff backoff() {
    return backoff;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DownloadSettings other
        && connectTimeout.equals(other.connectTimeout)
        && stallTimeout.equals(other.stallTimeout)
        && maxAttempts == other.maxAttempts
        && backoff.equals(other.backoff);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectTimeout, stallTimeout, maxAttempts, backoff);
  }

  @Override
  public String toString() {
    return "DownloadSettings[connectTimeout="
        + connectTimeout
        + ", stallTimeout="
        + stallTimeout
        + ", maxAttempts="
        + maxAttempts
        + ", backoff="
        + backoff
        + "]";
  }

  /** Collects {@link DownloadSettings}; checked by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(20);
    private Duration stallTimeout = Duration.ofSeconds(30);
    private int maxAttempts = 5;
    private Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(16));

    private Builder() {}

    private Builder(DownloadSettings s) {
      this.connectTimeout = s.connectTimeout;
      this.stallTimeout = s.stallTimeout;
      this.maxAttempts = s.maxAttempts;
      this.backoff = s.backoff;
    }

    /** How long to wait for a TCP (and TLS) connection (default 20 s, positive). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
      return this;
    }

    /** How long a body may stay silent before the attempt is retried (default 30 s, positive). */
    public Builder stallTimeout(Duration timeout) {
      this.stallTimeout = Objects.requireNonNull(timeout, "stallTimeout");
      return this;
    }

    /** Attempts in a row without progress before giving up (default 5, at least 1). */
    public Builder maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    /** The delay before each retry (default 1 s, doubling, at most 16 s). */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException if a timeout is not positive or attempts are below 1
     */
    public DownloadSettings build() {
      positive(connectTimeout, "connectTimeout");
      positive(stallTimeout, "stallTimeout");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      return new DownloadSettings(this);
    }

    private static void positive(Duration d, String name) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
    }
  }
}
