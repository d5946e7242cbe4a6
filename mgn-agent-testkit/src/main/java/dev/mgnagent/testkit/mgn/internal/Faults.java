package dev.mgnagent.testkit.mgn.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/** Faults queued by tests: the next N calls of an operation answer with a given error. */
public final class Faults {

  private static final class Fault {
    final String operation;
    final int status;
    final String code;
    final String message;
    final String retryAfter;
    int remaining;

    Fault(String operation, int times, int status, String code, String message,
        String retryAfter) {
      this.operation = operation;
      this.message = message;
      this.remaining = times;
      this.status = status;
      this.code = code;
      this.retryAfter = retryAfter;
    }
  }

  private final Deque<Fault> faults = new ArrayDeque<>();

  /**
   * Queues a fault; {@code operation} {@code "*"} matches every operation; a null
   * {@code message} gives {@code Injected fault: <code> on <operation>}.
   */
  public synchronized void add(String operation, int times, int status, String code,
      String message, String retryAfter) {
    faults.add(new Fault(operation, times, status, code, message, retryAfter));
  }

  public synchronized void clear() {
    faults.clear();
  }

  /** Consumes one fault for this operation and throws it, if one is queued. */
  public void maybeFail(String operation) {
    MgnError error = null;
    synchronized (this) {
      for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
        Fault f = it.next();
        if (f.operation.equals("*") || f.operation.equals(operation)) {
          if (--f.remaining <= 0) {
            it.remove();
          }
          error = new MgnError(f.status, f.code, f.message != null ? f.message
              : "Injected fault: " + f.code + " on " + operation);
          if (f.retryAfter != null) {
            error.header("Retry-After", f.retryAfter);
          }
          break;
        }
      }
    }
    if (error != null) {
      throw error;
    }
  }
}
