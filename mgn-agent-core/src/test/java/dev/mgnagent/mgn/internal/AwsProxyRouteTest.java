package dev.mgnagent.mgn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.LoopbackConnectProxy;
import dev.mgnagent.ProxyRoute;
import dev.mgnagent.installer.InstallerDownloadException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerVerifier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One {@link ProxyRoute} read from {@code https_proxy}/{@code no_proxy} routes the MGN client, the
 * STS client and the installer download alike: all three send {@code CONNECT} to the proxy, and a
 * host on {@code no_proxy} is reached directly by all of them. The "service" is a loopback socket
 * named {@code localhost}, so nothing here can reach AWS whichever way the route goes.
 */
class AwsProxyRouteTest {

  private static final StaticCredentialsProvider KEYS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIAEXAMPLE000000000", "example-secret"));

  @TempDir Path dir;

  private LoopbackConnectProxy proxy;
  private ServerSocket direct;

  /** The first byte of each connection that reached the "service" directly. */
  private final List<Integer> accepted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    proxy = new LoopbackConnectProxy();
    direct = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread acceptor =
        new Thread(
            () -> {
              while (!direct.isClosed()) {
                try (Socket socket = direct.accept()) {
                  // recorded before the close, so a client that saw the close finds it recorded
                  accepted.add(socket.getInputStream().read());
                } catch (IOException e) {
                  // closed
                }
              }
            },
            "direct-service");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    direct.close();
  }

  private URI service() {
    return URI.create("https://localhost:" + direct.getLocalPort());
  }

  @Test
  void theMgnClientTheStsClientAndTheDownloadAllTunnelThroughTheProxy() {
    // MGN's documented form: an https:// scheme, used as an HTTP CONNECT proxy
    ProxyRoute route = ProxyRoute.fromEnvironment(Map.of("HTTPS_PROXY", proxy.url("https")));
    String connect = "CONNECT localhost:" + direct.getLocalPort() + " HTTP/1.1";

    try (MgnClient mgn = mgn(route)) {
      assertThatThrownBy(() -> mgn.describeSourceServers(r -> {})).isInstanceOf(SdkException.class);
    }
    assertThat(proxy.requestLines()).containsExactly(connect);

    try (StsClient sts = sts(route)) {
      assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkException.class);
    }
    int afterSts = proxy.requestLines().size();
    assertThat(afterSts).as("STS's attempts, each a CONNECT").isGreaterThan(1);

    assertThatThrownBy(() -> verifier(route).download(dir.resolve("installer")))
        .isInstanceOf(InstallerDownloadException.class);
    assertThat(proxy.requestLines()).hasSize(afterSts + 1).containsOnly(connect);
    assertThat(accepted).as("nothing went around the proxy").isEmpty();
    assertThat(route.note()).hasValueSatisfying(n -> assertThat(n).contains("CONNECT"));
  }

  @Test
  void hostsOnNoProxyAreReachedDirectlyByTheClientsAndTheDownload() throws Exception {
    ProxyRoute route =
        ProxyRoute.fromEnvironment(
            Map.of("https_proxy", proxy.url("http"), "no_proxy", "example.com,.localhost"));

    try (MgnClient mgn = mgn(route)) {
      assertThatThrownBy(() -> mgn.describeSourceServers(r -> {})).isInstanceOf(SdkException.class);
    }
    assertThat(accepted).as("MGN's TLS handshake arrived directly").containsExactly(0x16);
    try (StsClient sts = sts(route)) {
      assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkException.class);
    }
    int afterSts = accepted.size();
    assertThat(afterSts).isGreaterThan(1);
    assertThatThrownBy(() -> verifier(route).download(dir.resolve("installer")))
        .isInstanceOf(InstallerDownloadException.class);

    assertThat(accepted)
        .as("every connection a TLS handshake straight to the host, none a CONNECT")
        .hasSize(afterSts + 1)
        .containsOnly(0x16);
    assertThat(proxy.requestLines()).isEmpty();
  }

  @Test
  void withoutHttpsProxyTheSdkReadsNoProxyVariableOfItsOwn() {
    // the SDK would otherwise read http_proxy/HTTP_PROXY of the JVM: the explicit configuration
    // turns that off, so "no https_proxy" means direct
    assertThat(AwsHttp.proxy(ProxyRoute.DIRECT, Optional.empty()).host()).isNull();
    assertThat(
            AwsHttp.proxy(
                    ProxyRoute.fromEnvironment(Map.of("https_proxy", "proxy.internal:3128")),
                    Optional.of(URI.create("http://127.0.0.1:9")))
                .host())
        .as("plain-http loopback endpoints never use the proxy, as for the download")
        .isNull();
  }

  private MgnClient mgn(ProxyRoute route) {
    return MgnClientFactory.create(
        Region.US_EAST_1,
        Optional.of(KEYS),
        Optional.of(service()),
        Optional.of(DefaultRetryStrategy.doNotRetry()),
        route,
        Duration.ofSeconds(20),
        Duration.ofSeconds(40));
  }

  private StsClient sts(ProxyRoute route) {
    return AwsClients.sts(
        Region.US_EAST_1,
        KEYS,
        Optional.of(service()),
        route,
        Duration.ofSeconds(20),
        Duration.ofSeconds(40));
  }

  private InstallerVerifier verifier(ProxyRoute route) {
    URI url = URI.create(service() + "/installer");
    return InstallerVerifier.builder()
        .location(InstallerLocation.at(url, url, InstallerFlavor.BINARY))
        .proxyRoute(route)
        .maxAttempts(1)
        .build();
  }
}
