package dev.mgnagent;

import java.time.Duration;

/** Waits between retries. Injected so tests never wait on the wall clock. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread with {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /** Waits for {@code duration}; throws when the thread is interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
