package dev.mgnagent.event.internal;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.MgnAgentEvent;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps {@link EventListener}'s delivery contract for a listener a caller gave us: one event at a
 * time whatever thread emits it, and an exception from the listener logged, never thrown into the
 * operation.
 */
public final class GuardedListener implements EventListener {

  private static final System.Logger LOG = System.getLogger("dev.mgnagent.event");

  private final EventListener delegate;
  private final ReentrantLock lock = new ReentrantLock();

  private GuardedListener(EventListener delegate) {
    this.delegate = delegate;
  }

  /** {@code listener} guarded; a listener guarded already is returned as it is. */
  public static EventListener guard(EventListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (listener instanceof GuardedListener || listener == EventListener.NONE) {
      return listener;
    }
    return new GuardedListener(listener);
  }

  @Override
  public void onEvent(MgnAgentEvent event) {
    lock.lock();
    try {
      delegate.onEvent(event);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "an event listener threw on "
              + event.getClass().getSimpleName()
              + "; the operation goes on",
          e);
    } finally {
      lock.unlock();
    }
  }
}
