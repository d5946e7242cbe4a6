package dev.mgnagent.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.MgnAgentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GuardedListenerTest {

  record Named(String name) implements MgnAgentEvent {}

  @Test
  void aSecondThreadWaitsUntilTheFirstCallReturns() throws Exception {
    CountDownLatch firstInside = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicBoolean inside = new AtomicBoolean();
    AtomicBoolean overlapped = new AtomicBoolean();
    EventListener guarded =
        GuardedListener.guard(
            event -> {
              if (inside.getAndSet(true)) {
                overlapped.set(true);
              }
              if (((Named) event).name().equals("first")) {
                firstInside.countDown();
                await(releaseFirst);
              }
              inside.set(false);
            });

    Thread first = new Thread(() -> guarded.onEvent(new Named("first")));
    first.start();
    await(firstInside);
    Thread second = new Thread(() -> guarded.onEvent(new Named("second")));
    second.start();
    // the second call either waits for the lock (guarded) or runs to its end (not guarded)
    while (second.getState() != Thread.State.WAITING
        && second.getState() != Thread.State.TERMINATED) {
      Thread.onSpinWait();
    }
    releaseFirst.countDown();
    first.join();
    second.join();

    assertThat(overlapped).isFalse();
  }

  @Test
  void aThrowingListenerDoesNotReachTheCaller() {
    List<String> after = new ArrayList<>();
    EventListener guarded =
        GuardedListener.guard(
                event -> {
                  throw new IllegalStateException("listener bug");
                })
            .andThen(event -> after.add("next listener still called"));

    assertThatCode(() -> guarded.onEvent(new Named("x"))).doesNotThrowAnyException();
    assertThat(after).containsExactly("next listener still called");
  }

  @Test
  void guardingTwiceWrapsOnce() {
    EventListener once = GuardedListener.guard(event -> {});
    assertThat(GuardedListener.guard(once)).isSameAs(once);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
