package dev.mgnagent.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** https downloads go through the given proxy with CONNECT; a refusing proxy leaves nothing. */
class HttpsProxyTest {

  @TempDir Path dir;

  @Test
  void httpsRequestsTunnelThroughTheGivenProxy() throws Exception {
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> requestLine = CompletableFuture.supplyAsync(() -> refuseOne(proxy));
      InstallerVerifier verifier =
          InstallerVerifier.builder()
              .location(InstallerLocation.of(Region.EU_WEST_3))
              .httpsProxy("http://127.0.0.1:" + proxy.getLocalPort())
              .maxAttempts(1)
              .build();

      assertThatThrownBy(() -> verifier.download(dir.resolve("installer")))
          .isInstanceOf(InstallerDownloadException.class);
      assertThat(requestLine.get(30, TimeUnit.SECONDS))
          .startsWith(
              "CONNECT aws-application-migration-service-hashes-eu-west-3.s3.eu-west-3.amazonaws.com:443 ");
      assertThat(dir).isEmptyDirectory();
    }
  }

  @Test
  void proxiesWithCredentialsAreRefusedAndAnHttpsSchemeIsAConnectProxy() {
    assertThatThrownBy(() -> InstallerVerifier.builder().httpsProxy("http://user:pw@proxy:3128"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not supported yet")
        .hasMessageNotContaining("pw");
    // the form MGN's own proxy documentation shows: used as an HTTP CONNECT proxy
    assertThatCode(() -> InstallerVerifier.builder().httpsProxy("https://proxy:3128"))
        .doesNotThrowAnyException();
  }

  @Test
  void hostsOnTheNoProxyListBypassTheProxy() throws Exception {
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket direct = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Integer> firstByte =
          CompletableFuture.supplyAsync(() -> firstByteThenClose(direct));
      URI url = URI.create("https://localhost:" + direct.getLocalPort() + "/installer");
      InstallerVerifier verifier =
          InstallerVerifier.builder()
              .location(InstallerLocation.at(url, url, InstallerFlavor.BINARY))
              .httpsProxy("http://127.0.0.1:" + proxy.getLocalPort())
              .noProxy("example.com, .LOCALHOST")
              .maxAttempts(1)
              .build();

      assertThatThrownBy(() -> verifier.download(dir.resolve("installer")))
          .isInstanceOf(InstallerDownloadException.class);
      assertThat(firstByte.get(30, TimeUnit.SECONDS))
          .as("a TLS handshake record, not CONNECT")
          .isEqualTo(0x16);
    }
  }

  @Test
  void aBareHostAndPortIsAnHttpProxy() {
    InstallerVerifier.builder().httpsProxy("proxy.internal:3128").httpsProxy("").httpsProxy(null);
  }

  private static int firstByteThenClose(ServerSocket server) {
    try (Socket socket = server.accept()) {
      return socket.getInputStream().read();
    } catch (Exception e) {
      return -2;
    }
  }

  private static String refuseOne(ServerSocket proxy) {
    try (Socket socket = proxy.accept()) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String first = in.readLine();
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        // skip the headers
      }
      OutputStream out = socket.getOutputStream();
      out.write(
          "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return first;
    } catch (Exception e) {
      return "proxy failed: " + e;
    }
  }
}
