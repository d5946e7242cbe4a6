package dev.mgnagent.testkit.mgn.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that runs {@code speed} times as fast as {@code base}, from the moment it is made. */
public final class ScaledClock extends Clock {
  private final Clock base;
  private final double speed;
  private final Instant origin;

  public ScaledClock(Clock base, double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("the speed factor must be positive: " + speed);
    }
    this.base = base;
    this.speed = speed;
    this.origin = base.instant();
  }

  @Override
  public Instant instant() {
    long realMillis = Duration.between(origin, base.instant()).toMillis();
    return origin.plusMillis((long) (realMillis * speed));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a ScaledClock is always UTC");
  }
}
