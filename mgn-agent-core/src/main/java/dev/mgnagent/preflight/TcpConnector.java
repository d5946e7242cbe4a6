package dev.mgnagent.preflight;

import java.io.IOException;
import java.time.Duration;

/**
 * Opens (and at once closes) a TCP connection, for the network checks. The default resolves the
 * host and connects a plain socket; tests inject their own to prove that probes run in parallel.
 */
@FunctionalInterface
public interface TcpConnector {

  /**
   * Connects to {@code host}:{@code port} within {@code timeout}, then closes the connection.
   *
   * @throws IOException if the host cannot be resolved, refuses, or does not answer in time
   */
  void connect(String host, int port, Duration timeout) throws IOException;

  /** Plain sockets: DNS lookup, then {@code connect} with {@code timeout}. */
  static TcpConnector sockets() {
    return (host, port, timeout) -> {
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(
            new java.net.InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
      }
    };
  }
}
