package dev.mgnagent.testkit.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Creates the JDK HTTP server every HTTP fake answers on: 127.0.0.1, with Nagle's algorithm off.
 */
public final class LoopbackHttpServer {
  private static final byte[] LOOPBACK = {127, 0, 0, 1};
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private LoopbackHttpServer() {}

  /**
   * An unstarted server bound to {@code 127.0.0.1:port} (0 for an ephemeral port).
   *
   * <p>The JDK's server sends a response's headers and its body as separate small writes. With
   * Nagle's algorithm on, the body waits until the client acknowledges the headers, and a client
   * that delays its acknowledgements (Linux does, up to 40 ms) makes every call that long: a test
   * class of 19 short tests took 41 s instead of 8 s here. The JDK reads this property once, when
   * the first server of the JVM is created, so it is set only when nobody has set it before.
   *
   * @throws IOException when the port cannot be bound
   */
  public static HttpServer create(int port) throws IOException {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    return HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port), 0);
  }
}
