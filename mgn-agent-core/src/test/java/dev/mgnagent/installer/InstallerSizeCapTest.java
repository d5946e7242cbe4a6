package dev.mgnagent.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer download stops at its size cap, whatever the server announces or sends. */
class InstallerSizeCapTest {

  private static final long CAP = 4L << 20;
  private static final String ANY_SHA512 = "ab".repeat(64);

  @TempDir Path dir;
  private HttpServer server;
  private final AtomicLong endlessBytesSent = new AtomicLong();

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext(
        "/endless",
        exchange -> {
          exchange.sendResponseHeaders(200, 0); // chunked, no length
          byte[] chunk = new byte[64 * 1024];
          try (OutputStream body = exchange.getResponseBody()) {
            while (endlessBytesSent.get() < 64 * CAP) { // bounded, so a broken cap still ends
              body.write(chunk);
              endlessBytesSent.addAndGet(chunk.length);
            }
          } catch (IOException clientWentAway) {
            // what a working cap does
          }
        });
    server.createContext(
        "/huge",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Length", Long.toString(CAP + 1));
          exchange.sendResponseHeaders(200, CAP + 1);
          exchange.close(); // no body: a client that believed the length would report a truncation
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private InstallerVerifier verifier(String path) {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return InstallerVerifier.builder()
        .location(InstallerLocation.at(url, url, InstallerFlavor.BINARY))
        .expectedSha512(ANY_SHA512)
        .maxInstallerBytes(CAP)
        .maxAttempts(1)
        .build();
  }

  @Test
  void anEndlessBodyStopsAtTheCapAndLeavesNothing() {
    assertThatThrownBy(() -> verifier("/endless").download(dir.resolve("installer")))
        .isInstanceOf(InstallerDownloadException.class)
        .hasMessageContaining("sent more than its allowed size without an end")
        .hasMessageContaining(CAP + " bytes allowed");
    assertThat(dir).isEmptyDirectory();
    assertThat(endlessBytesSent.get()).isLessThan(64 * CAP);
  }

  @Test
  void aLargerAnnouncedLengthIsRefusedUpFront() {
    assertThatThrownBy(() -> verifier("/huge").download(dir.resolve("installer")))
        .isInstanceOf(InstallerDownloadException.class)
        .hasMessageContaining("announces " + (CAP + 1) + " bytes");
    assertThat(dir).isEmptyDirectory();
  }
}
