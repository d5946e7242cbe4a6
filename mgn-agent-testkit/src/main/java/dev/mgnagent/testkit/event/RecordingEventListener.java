package dev.mgnagent.testkit.event;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.MgnAgentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@link EventListener} that keeps every event it receives, in order, for assertions. Pass it as
 * the event listener of the code under test, then read {@link #events()} or, for one type, {@link
 * #events(Class)}:
 *
 * <pre>{@code
 * RecordingEventListener events = new RecordingEventListener();
 * AgentInstallation.builder().eventListener(events)...install(request);
 * assertThat(events.events(InstallStepFinished.class)).extracting(InstallStepFinished::step)
 *     .containsExactly(...);
 * }</pre>
 *
 * <p>Thread-safe: events may arrive from several threads; each read is a snapshot that later events
 * do not change.
 */
public final class RecordingEventListener implements EventListener {

  private final List<MgnAgentEvent> events = new ArrayList<>();

  /** A listener that has recorded nothing yet. */
  public RecordingEventListener() {}

  /**
   * Records {@code event}.
   *
   * @throws NullPointerException when {@code event} is null
   */
  @Override
  public void onEvent(MgnAgentEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (events) {
      events.add(event);
    }
  }

  /** Every event recorded so far, oldest first (an unmodifiable snapshot). */
  public List<MgnAgentEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /**
   * The events recorded so far that are instances of {@code type}, oldest first (an unmodifiable
   * snapshot).
   */
  public <E extends MgnAgentEvent> List<E> events(Class<E> type) {
    Objects.requireNonNull(type, "type");
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  /** Forgets every event recorded so far. */
  public void clear() {
    synchronized (events) {
      events.clear();
    }
  }

  /** The number of events recorded, for messages; never the events themselves. */
  @Override
  public String toString() {
    synchronized (events) {
      return "RecordingEventListener[" + events.size() + " events]";
    }
  }
}
