package dev.mgnagent.testkit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecordingEventListenerTest {

  private interface Step extends MgnAgentEvent {}

  private record Started(String what) implements Step {}

  private record Finished(String what) implements Step {}

  private record Said(String line) implements MgnAgentEvent {}

  private final RecordingEventListener recorded = new RecordingEventListener();

  @Test
  void keepsEveryEventInOrderAndFiltersByType() {
    recorded.onEvent(new Started("download"));
    recorded.onEvent(new Said("hello"));
    recorded.onEvent(new Finished("download"));
    recorded.onEvent(new Said("bye"));

    assertThat(recorded.events())
        .containsExactly(
            new Started("download"), new Said("hello"), new Finished("download"), new Said("bye"));
    assertThat(recorded.events(Said.class)).extracting(Said::line).containsExactly("hello", "bye");
    assertThat(recorded.events(Step.class))
        .containsExactly(new Started("download"), new Finished("download"));
    assertThat(recorded.events(MgnAgentEvent.class)).hasSize(4);
  }

  @Test
  void readsAreSnapshotsThatLaterEventsDoNotChange() {
    recorded.onEvent(new Said("first"));
    List<MgnAgentEvent> all = recorded.events();
    List<Said> said = recorded.events(Said.class);

    recorded.onEvent(new Said("second"));

    assertThat(all).hasSize(1);
    assertThat(said).hasSize(1);
    assertThatThrownBy(() -> all.add(new Said("x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> said.add(new Said("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void clearForgetsAndNullIsRefused() {
    recorded.onEvent(new Said("first"));
    recorded.clear();

    assertThat(recorded.events()).isEmpty();
    assertThatThrownBy(() -> recorded.onEvent(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> recorded.events(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void eventsFromManyThreadsAreAllKeptEachThreadsInItsOrder() throws Exception {
    int threads = 8;
    int perThread = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String name = "t" + t;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < perThread; i++) {
                    recorded.onEvent(new Started(name + ":" + i));
                    if (i % 100 == 0) {
                      recorded.events(Started.class); // reads while others write
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<Started> all = recorded.events(Started.class);
    assertThat(all).hasSize(threads * perThread);
    for (int t = 0; t < threads; t++) {
      String prefix = "t" + t + ":";
      assertThat(
              all.stream()
                  .map(Started::what)
                  .filter(w -> w.startsWith(prefix))
                  .map(w -> Integer.parseInt(w.substring(prefix.length()))))
          .isSorted()
          .hasSize(perThread);
    }
  }

  @Test
  void toStringCountsTheEventsWithoutShowingThem() {
    recorded.onEvent(new Said("a secret line"));

    assertThat(recorded).hasToString("RecordingEventListener[1 events]");
  }
}
