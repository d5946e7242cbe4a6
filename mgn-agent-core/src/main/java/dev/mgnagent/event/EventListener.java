package dev.mgnagent.event;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives the {@link MgnAgentEvent}s of an operation (an installation, a download, a watch).
 *
 * <p>Delivery contract: an operation delivers its events to a listener one at a time, in the order
 * they happen. Calls may come from different threads (the installer's stdout and stderr are read by
 * two), but never at the same time, and each call happens-before the next, so a listener needs no
 * locking of its own for state only it touches. Keep it quick: the operation waits for it.
 *
 * <p>A listener that throws does not break the operation: the exception is logged (logger {@code
 * dev.mgnagent.event}, level WARNING) and the operation goes on.
 *
 * <p>New event types are added as capabilities grow; ignore the ones you do not know. Register for
 * the types you want without {@code instanceof}:
 *
 * <pre>{@code
 * EventListener listener =
 *     EventListener.on(InstallStepFinished.class, step -> show(step))
 *         .andOn(DownloadProgress.class, progress -> bar.update(progress));
 * }</pre>
 */
@FunctionalInterface
public interface EventListener {

  /** A listener that ignores every event. */
  EventListener NONE = event -> {};

  /** Called once for each event, in the order the events happen. */
  void onEvent(MgnAgentEvent event);

  /** A listener that hands the events of {@code type} (and its subtypes) to {@code handler}. */
  static <E extends MgnAgentEvent> EventListener on(Class<E> type, Consumer<? super E> handler) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(handler, "handler");
    return event -> {
      if (type.isInstance(event)) {
        handler.accept(type.cast(event));
      }
    };
  }

  /** This listener, then {@code next}, for every event. */
  default EventListener andThen(EventListener next) {
    Objects.requireNonNull(next, "next");
    return event -> {
      onEvent(event);
      next.onEvent(event);
    };
  }

  /** This listener, then {@code handler} for the events of {@code type}. */
  default <E extends MgnAgentEvent> EventListener andOn(
      Class<E> type, Consumer<? super E> handler) {
    return andThen(on(type, handler));
  }
}
