package dev.mgnagent.event;

/**
 * Receives {@link MgnAgentEvent}s, on the thread doing the work. Keep it quick: a slow listener
 * slows the work down. An exception thrown here propagates to the caller of the operation.
 */
@FunctionalInterface
public interface EventListener {

  /** A listener that ignores every event. */
  EventListener NONE = event -> {};

  /** Called once for each event, in the order the events happen. */
  void onEvent(MgnAgentEvent event);
}
