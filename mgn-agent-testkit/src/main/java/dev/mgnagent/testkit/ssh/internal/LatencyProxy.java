package dev.mgnagent.testkit.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A slow link in front of a fake host: a TCP relay on 127.0.0.1 that delivers every chunk of bytes,
 * in each direction, half a round trip after it arrived. Chunks keep their order and are not held
 * back behind each other's delay, so the link has latency but its full bandwidth, like a long line
 * rather than a slow one.
 */
public final class LatencyProxy implements AutoCloseable {

  private static final byte[] END = new byte[0];

  private final ServerSocket listener;
  private final int targetPort;
  private final long oneWayNanos;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private LatencyProxy(ServerSocket listener, int targetPort, Duration roundTrip) {
    this.listener = listener;
    this.targetPort = targetPort;
    this.oneWayNanos = roundTrip.toNanos() / 2;
  }

  /** Listens on an ephemeral loopback port and relays to {@code targetPort} with this delay. */
  public static LatencyProxy start(int targetPort, Duration roundTrip) throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    LatencyProxy proxy = new LatencyProxy(listener, targetPort, roundTrip);
    Thread accept = new Thread(proxy::acceptLoop, "fake-ssh-slow-link");
    accept.setDaemon(true);
    accept.start();
    return proxy;
  }

  /** The port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      Socket server = new Socket();
      try {
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
      } catch (IOException e) {
        closeQuietly(client);
        closeQuietly(server);
        continue;
      }
      sockets.add(client);
      sockets.add(server);
      AtomicInteger ended = new AtomicInteger();
      relay(client, server, "up", ended);
      relay(server, client, "down", ended);
    }
  }

  private void relay(Socket from, Socket to, String direction, AtomicInteger ended) {
    BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              byte[] buffer = new byte[16384];
              try {
                // not closed here: closing a socket's stream closes the socket
                InputStream in = from.getInputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  if (n > 0) {
                    queue.add(new Chunk(System.nanoTime() + oneWayNanos, Arrays.copyOf(buffer, n)));
                  }
                }
              } catch (IOException e) {
                // the connection ended: pass the end on after the same delay
              }
              queue.add(new Chunk(System.nanoTime() + oneWayNanos, END));
            },
            "fake-ssh-slow-link-read-" + direction);
    Thread writer =
        new Thread(
            () -> {
              try {
                OutputStream out = to.getOutputStream();
                while (true) {
                  Chunk chunk = queue.take();
                  long wait;
                  while ((wait = chunk.due - System.nanoTime()) > 0) {
                    // the link's own latency, not a test waiting for something
                    LockSupport.parkNanos(wait);
                  }
                  if (chunk.bytes == END) {
                    // a half close, passed on; the pair closes when both directions ended
                    try {
                      to.shutdownOutput();
                    } catch (IOException e) {
                      // already gone
                    }
                    if (ended.incrementAndGet() == 2) {
                      closeQuietly(to);
                      closeQuietly(from);
                    }
                    return;
                  }
                  out.write(chunk.bytes);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                closeQuietly(to);
                closeQuietly(from);
              }
            },
            "fake-ssh-slow-link-write-" + direction);
    reader.setDaemon(true);
    writer.setDaemon(true);
    reader.start();
    writer.start();
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    sockets.forEach(LatencyProxy::closeQuietly);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing anyway
    }
  }

  private record Chunk(long due, byte[] bytes) {}
}
