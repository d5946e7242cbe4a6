package dev.mgnagent.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

class LoopbackHttpServerTest {
  @Test
  void listensOnLoopbackOnlyWithNagleOff() throws Exception {
    HttpServer server = LoopbackHttpServer.create(0);
    try {
      assertThat(server.getAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(server.getAddress().getPort()).isPositive();
      // read by the JDK's server when the JVM's first one is created; this fork's first one is
      // made through LoopbackHttpServer or by a fake that uses it
      assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    } finally {
      server.stop(0);
    }
  }
}
