package dev.mgnagent.testkit.mgn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when told to, for a {@link FakeMgn}'s replication simulation ({@link
 * FakeMgn.Builder#simulationClock(Clock)}). Thread-safe.
 */
public final class SteppedClock extends Clock {
  private Instant now;

  /** A clock standing at {@code start}. */
  public SteppedClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** Moves the clock forward by {@code step} (not negative). */
  public synchronized void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("a clock cannot go back: " + step);
    }
    now = now.plus(step);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a SteppedClock is always UTC");
  }
}
