package dev.mgnagent.preflight.internal;

import dev.mgnagent.preflight.TcpConnector;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts every probe at once, each on its own daemon thread, and bounds each by the timeout even
 * when a DNS lookup hangs (the thread is then abandoned, not waited for).
 */
public final class NetworkProber implements AutoCloseable {

  /** Extra time over the probe timeout before a probe is declared timed out from outside. */
  private static final long GRACE_MILLIS = 150;

  private final Duration timeout;
  private final ExecutorService executor;
  private final Map<ProbeTarget, CompletableFuture<ProbeResult>> running = new LinkedHashMap<>();
  private long deadlineNanos;

  public NetworkProber(TcpConnector connector, Duration timeout, List<ProbeTarget> targets) {
    this.timeout = timeout;
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(1, targets.size()),
            r -> {
              Thread t = new Thread(r, "mgn-agent-preflight-probe");
              t.setDaemon(true);
              return t;
            });
    this.deadlineNanos =
        System.nanoTime() + timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    for (ProbeTarget target : targets) {
      running.put(target, CompletableFuture.supplyAsync(() -> probe(connector, target), executor));
    }
  }

  private ProbeResult probe(TcpConnector connector, ProbeTarget target) {
    try {
      connector.connect(target.host(), target.port(), timeout);
      return new ProbeResult(target, true, "connected");
    } catch (SocketTimeoutException e) {
      return timedOut(target);
    } catch (UnknownHostException e) {
      return new ProbeResult(target, false, "unknown host (DNS lookup failed)");
    } catch (ConnectException e) {
      return new ProbeResult(target, false, "refused or unreachable (" + e.getMessage() + ")");
    } catch (IOException | RuntimeException e) {
      return new ProbeResult(target, false, String.valueOf(e.getMessage()));
    }
  }

  private ProbeResult timedOut(ProbeTarget target) {
    return new ProbeResult(target, false, "no answer within " + timeout.toMillis() + " ms");
  }

  /** The result for {@code target}, waiting at most until the shared deadline. */
  public ProbeResult result(ProbeTarget target) {
    CompletableFuture<ProbeResult> future = running.get(target);
    long left = Math.max(0, deadlineNanos - System.nanoTime());
    try {
      return future.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return timedOut(target);
    } catch (ExecutionException e) {
      return new ProbeResult(target, false, String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ProbeResult(target, false, "interrupted");
    }
  }

  /** Every target, in the order given. */
  public List<ProbeTarget> targets() {
    return List.copyOf(running.keySet());
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
