package dev.mgnagent.testkit.mgn.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Faults queued by tests, per operation: the next N calls answer with a given error, answer after
 * an added latency, or lose their connection without an answer.
 */
public final class Faults {

  /** What a call that met a fault does instead of (or before) answering. */
  public enum Kind {
    ERROR,
    DELAY,
    DROP
  }

  private static final class Fault {
    final Kind kind;
    final String operation;
    final int status;
    final String code;
    final String message;
    final String retryAfter;
    final Duration delay;
    int remaining;

    Fault(
        Kind kind,
        String operation,
        int times,
        int status,
        String code,
        String message,
        String retryAfter,
        Duration delay) {
      this.kind = kind;
      this.operation = operation;
      this.remaining = times;
      this.status = status;
      this.code = code;
      this.message = message;
      this.retryAfter = retryAfter;
      this.delay = delay;
    }

    boolean matches(String op) {
      return operation.equals("*") || operation.equals(op);
    }
  }

  private final Deque<Fault> faults = new ArrayDeque<>();

  /**
   * Queues an error; {@code operation} {@code "*"} matches every operation; a null {@code message}
   * gives {@code Injected fault: <code> on <operation>}.
   */
  public synchronized void add(
      String operation, int times, int status, String code, String message, String retryAfter) {
    faults.add(new Fault(Kind.ERROR, operation, times, status, code, message, retryAfter, null));
  }

  /** Queues an added latency for the next {@code times} calls. */
  public synchronized void addDelay(String operation, int times, Duration delay) {
    faults.add(new Fault(Kind.DELAY, operation, times, 0, null, null, null, delay));
  }

  /** Queues a dropped connection (no answer at all) for the next {@code times} calls. */
  public synchronized void addDrop(String operation, int times) {
    faults.add(new Fault(Kind.DROP, operation, times, 0, null, null, null, null));
  }

  public synchronized void clear() {
    faults.clear();
  }

  /**
   * Consumes this call's faults, in the order they were queued: sleeps for each delay, returns true
   * when the connection must be dropped, throws a queued error.
   */
  public boolean apply(String operation) throws InterruptedException {
    while (true) {
      Fault f = take(operation);
      if (f == null) {
        return false;
      }
      switch (f.kind) {
        case DELAY -> Thread.sleep(f.delay.toMillis());
        case DROP -> {
          return true;
        }
        default -> {
          MgnError error =
              new MgnError(
                  f.status,
                  f.code,
                  f.message != null ? f.message : "Injected fault: " + f.code + " on " + operation);
          if (f.retryAfter != null) {
            error.header("Retry-After", f.retryAfter);
          }
          throw error;
        }
      }
    }
  }

  /** Consumes one fault for this operation and throws it, if an error is queued first. */
  public void maybeFail(String operation) {
    try {
      apply(operation);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized Fault take(String operation) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (f.matches(operation)) {
        if (--f.remaining <= 0) {
          it.remove();
        }
        return f;
      }
    }
    return null;
  }
}
