package dev.mgnagent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in HTTP proxy on 127.0.0.1 for tests: it records the request line of every connection
 * ({@code CONNECT host:port HTTP/1.1} for an https request) and refuses the tunnel with 403, so
 * nothing it is asked for is ever reached. A test that sees a request line here knows the request
 * was routed through the proxy.
 */
public final class LoopbackConnectProxy implements AutoCloseable {

  private final ServerSocket server;
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  public LoopbackConnectProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    acceptor = new Thread(this::serve, "loopback-connect-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The proxy as {@code https_proxy} names it. */
  public String url(String scheme) {
    return scheme + "://127.0.0.1:" + server.getLocalPort();
  }

  /** The request lines received so far, in order. */
  public List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        String first = in.readLine();
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
          // the headers
        }
        if (first != null) {
          requestLines.add(first);
        }
        OutputStream out = socket.getOutputStream();
        out.write(
            "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // closed, or a client that went away: next one
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
