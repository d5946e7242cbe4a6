package dev.mgnagent.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventListenerTest {

  record Started(String what) implements MgnAgentEvent {}

  record Finished(String what) implements MgnAgentEvent {}

  record Other() implements MgnAgentEvent {}

  @Test
  void typedRegistrationSeesOnlyItsTypeInOrder() {
    List<String> seen = new ArrayList<>();
    EventListener listener =
        EventListener.on(Started.class, s -> seen.add("start " + s.what()))
            .andOn(Finished.class, f -> seen.add("end " + f.what()));

    listener.onEvent(new Started("a"));
    listener.onEvent(new Other());
    listener.onEvent(new Finished("a"));

    assertThat(seen).containsExactly("start a", "end a");
  }

  @Test
  void andThenCallsBothInOrder() {
    List<String> seen = new ArrayList<>();
    EventListener first = e -> seen.add("first");
    first.andThen(e -> seen.add("second")).onEvent(new Other());

    assertThat(seen).containsExactly("first", "second");
  }
}
