package dev.mgnagent.tests.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.CheckStatus;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.preflight.PreflightReport;
import dev.mgnagent.preflight.TcpConnector;
import dev.mgnagent.testkit.host.FakeLinuxHost;
import dev.mgnagent.testkit.host.FakeLinuxHosts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** The network checks: parallel probes (a latch), loopback timeouts and refusals, the targets. */
class PreflightNetworkTest {

  @TempDir Path temp;

  private Preflight.Builder builder() {
    FakeLinuxHost host = FakeLinuxHosts.healthyRhel9().writeTo(temp.resolve("host"));
    return Preflight.builder().host(host).fileSystemSpace(host.space());
  }

  private static CheckResult check(PreflightReport report, String id) {
    return report.check(id).orElseThrow();
  }

  @Test
  void allProbesAreInFlightAtOnce() {
    int expectedProbes = 1 + 7 + 1;
    CountDownLatch allStarted = new CountDownLatch(expectedProbes);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    Set<String> probed = ConcurrentHashMap.newKeySet();
    TcpConnector waitForAll =
        (host, port, timeout) -> {
          probed.add(host + ":" + port);
          mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          allStarted.countDown();
          try {
            if (!allStarted.await(20, TimeUnit.SECONDS)) {
              throw new SocketTimeoutException("the other probes never started");
            }
          } catch (InterruptedException e) {
            throw new SocketTimeoutException("interrupted");
          } finally {
            inFlight.decrementAndGet();
          }
        };

    PreflightReport report =
        builder()
            .region(Region.US_EAST_1)
            .replicationServer("10.0.0.5")
            .probeTimeout(Duration.ofSeconds(20))
            .tcpConnector(waitForAll)
            .build()
            .run();

    assertThat(mostInFlight.get()).isEqualTo(expectedProbes);
    assertThat(check(report, "network.mgn-443").status()).isEqualTo(CheckStatus.PASS);
    assertThat(check(report, "network.s3-443").status()).isEqualTo(CheckStatus.PASS);
    assertThat(check(report, "network.replication-1500").status()).isEqualTo(CheckStatus.PASS);
    assertThat(probed)
        .containsExactlyInAnyOrder(
            "mgn.us-east-1.amazonaws.com:443",
            "aws-application-migration-service-us-east-1.s3.us-east-1.amazonaws.com:443",
            "aws-application-migration-service-hashes-us-east-1.s3.us-east-1.amazonaws.com:443",
            "aws-mgn-clients-us-east-1.s3.us-east-1.amazonaws.com:443",
            "aws-mgn-clients-hashes-us-east-1.s3.us-east-1.amazonaws.com:443",
            "aws-mgn-internal-us-east-1.s3.us-east-1.amazonaws.com:443",
            "aws-mgn-internal-hashes-us-east-1.s3.us-east-1.amazonaws.com:443",
            "amazon-ssm-us-east-1.s3.us-east-1.amazonaws.com:443",
            "10.0.0.5:1500");
  }

  @Test
  void aListenerThatNeverAcceptsTimesOut() throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (ServerSocket neverAccepts = new ServerSocket(0, 1, loopback)) {
      List<Socket> queued = fillAcceptQueue(neverAccepts);
      try {
        PreflightReport report =
            builder()
                .region(Region.US_EAST_1)
                .endpoint(URI.create("http://127.0.0.1:" + neverAccepts.getLocalPort()))
                .s3Endpoint(URI.create("http://127.0.0.1:" + neverAccepts.getLocalPort()))
                .probeTimeout(Duration.ofMillis(300))
                .build()
                .run();

        CheckResult mgn = check(report, "network.mgn-443");
        assertThat(mgn.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(mgn.evidence())
            .contains("127.0.0.1:" + neverAccepts.getLocalPort())
            .contains("no answer within 300 ms");
        assertThat(mgn.remedy()).contains("TCP 443");
        assertThat(check(report, "network.s3-443").evidence()).contains("1 of 1 unreachable");
      } finally {
        for (Socket s : queued) {
          s.close();
        }
      }
    }
  }

  @Test
  void aProbeThatIgnoresItsTimeoutIsCutOffFromOutside() {
    // a connector stuck where no socket timeout applies (a hung DNS lookup): preflight still
    // finishes, the probe declared timed out at the shared deadline
    CountDownLatch never = new CountDownLatch(1);
    TcpConnector stuck =
        (host, port, timeout) -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    try {
      PreflightReport report =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () ->
                  builder()
                      .region(Region.US_EAST_1)
                      .probeTimeout(Duration.ofMillis(200))
                      .tcpConnector(stuck)
                      .build()
                      .run());

      assertThat(check(report, "network.mgn-443").status()).isEqualTo(CheckStatus.FAIL);
      assertThat(check(report, "network.mgn-443").evidence()).contains("200 ms");
      assertThat(check(report, "network.s3-443").status()).isEqualTo(CheckStatus.FAIL);
    } finally {
      never.countDown();
    }
  }

  /** Connects until the kernel's accept queue is full and a further connect gets no answer. */
  private static List<Socket> fillAcceptQueue(ServerSocket server) throws IOException {
    List<Socket> queued = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      Socket s = new Socket();
      try {
        s.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 200);
        queued.add(s);
      } catch (SocketTimeoutException full) {
        s.close();
        return queued;
      }
    }
    throw new IllegalStateException("the accept queue never filled up");
  }

  @Test
  void aClosedLoopbackPortIsRefused() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    PreflightReport report =
        builder()
            .region(Region.EU_WEST_3)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .probeTimeout(Duration.ofSeconds(2))
            .tcpConnector(TcpConnector.sockets())
            .build()
            .run();

    assertThat(check(report, "network.mgn-443").status()).isEqualTo(CheckStatus.FAIL);
    assertThat(check(report, "network.mgn-443").evidence()).contains("refused");
  }

  @Test
  void anAcceptingLoopbackEndpointPasses() throws IOException {
    try (ServerSocket accepting = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      String url = "http://127.0.0.1:" + accepting.getLocalPort();
      PreflightReport report =
          builder()
              .region(Region.EU_WEST_3)
              .endpoint(URI.create(url))
              .s3Endpoint(URI.create(url))
              .probeTimeout(Duration.ofSeconds(2))
              .build()
              .run();

      assertThat(check(report, "network.mgn-443").status()).isEqualTo(CheckStatus.PASS);
      assertThat(check(report, "network.s3-443").status()).isEqualTo(CheckStatus.PASS);
      assertThat(check(report, "network.replication-1500").evidence())
          .isEqualTo("no replicationServer given");
    }
  }

  @Test
  void withoutRegionTheNetworkChecksSayWhatIsMissing() {
    PreflightReport report =
        builder()
            .tcpConnector(
                (h, p, t) -> {
                  throw new AssertionError("nothing should be probed");
                })
            .build()
            .run();

    assertThat(check(report, "network.mgn-443").status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(check(report, "network.mgn-443").evidence()).contains("no region");
    assertThat(report.checks()).hasSize(Preflight.checkIds().size());
  }
}
