package dev.mgnagent.mgn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.ProxyRoute;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An endpoint that accepts the request and then sends only the first bytes of a status line, and
 * nothing more: the call ends at its total timeout instead of waiting forever. The same holds for
 * the IAM, STS and EC2 clients initialization builds.
 */
class MgnCallTimeoutTest {

  private ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private Thread acceptor;

  @BeforeEach
  void serve() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket socket = server.accept();
                  accepted.add(socket);
                  OutputStream out = socket.getOutputStream();
                  out.write("HTTP/1.1 2".getBytes(StandardCharsets.US_ASCII)); // and then silence
                  out.flush();
                }
              } catch (IOException closed) {
                // the test is over
              }
            },
            "trickling-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }

  @Test
  void eachAttemptEndsAtTheAttemptTimeout() {
    try (MgnClient client = client(Duration.ofMillis(300), Duration.ofSeconds(30))) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
          .isInstanceOf(ApiCallAttemptTimeoutException.class);
      assertThat(accepted).hasSizeGreaterThan(1); // retried, each attempt bounded
    }
  }

  @Test
  void theCallEndsAtTheCallTimeout() {
    try (MgnClient client = client(Duration.ofSeconds(30), Duration.ofSeconds(1))) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
          .isInstanceOf(ApiCallTimeoutException.class);
    }
  }

  private MgnClient client(Duration attempt, Duration call) {
    return MgnClientFactory.create(
        Region.US_EAST_1,
        Optional.of(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAEXAMPLE000000000", "secret"))),
        Optional.of(URI.create("http://127.0.0.1:" + server.getLocalPort())),
        Optional.empty(),
        ProxyRoute.DIRECT,
        attempt,
        call);
  }

  @Test
  void anIamCallEndsAtItsTimeoutsToo() {
    try (IamClient iam =
        AwsClients.iam(
            Region.US_EAST_1,
            KEYS,
            Optional.of(endpoint()),
            ProxyRoute.DIRECT,
            Duration.ofMillis(300),
            Duration.ofSeconds(30))) {
      assertThatThrownBy(iam::listRoles).isInstanceOf(ApiCallAttemptTimeoutException.class);
      assertThat(accepted).hasSizeGreaterThan(1);
    }
    try (IamClient iam =
        AwsClients.iam(
            Region.US_EAST_1,
            KEYS,
            Optional.of(endpoint()),
            ProxyRoute.DIRECT,
            Duration.ofSeconds(30),
            Duration.ofSeconds(1))) {
      assertThatThrownBy(iam::listRoles).isInstanceOf(ApiCallTimeoutException.class);
    }
  }

  @Test
  void anStsCallEndsAtItsTimeoutsToo() {
    try (StsClient sts =
        AwsClients.sts(
            Region.US_EAST_1,
            KEYS,
            Optional.of(endpoint()),
            ProxyRoute.DIRECT,
            Duration.ofMillis(300),
            Duration.ofSeconds(30))) {
      assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(ApiCallAttemptTimeoutException.class);
      assertThat(accepted).hasSizeGreaterThan(1);
    }
    try (Ec2Client ec2 =
        AwsClients.ec2(
            Region.US_EAST_1,
            KEYS,
            Optional.of(endpoint()),
            ProxyRoute.DIRECT,
            Duration.ofSeconds(30),
            Duration.ofSeconds(1))) {
      assertThatThrownBy(ec2::describeVpcs).isInstanceOf(ApiCallTimeoutException.class);
    }
  }

  @Test
  void theInitializersOwnClientsGetTheDefaultTimeouts() {
    // the defaults in one place: AwsHttp, which MGN's factory and the initializer's builder use
    assertThat(MgnClientFactory.ATTEMPT_TIMEOUT).isEqualTo(AwsHttp.ATTEMPT_TIMEOUT);
    assertThat(MgnClientFactory.CALL_TIMEOUT).isEqualTo(AwsHttp.CALL_TIMEOUT);
  }

  private static final StaticCredentialsProvider KEYS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIAEXAMPLE000000000", "secret"));

  private URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  @Test
  void theDefaultsAreStated() {
    assertThat(MgnClientFactory.ATTEMPT_TIMEOUT).isEqualTo(Duration.ofSeconds(30));
    assertThat(MgnClientFactory.CALL_TIMEOUT).isEqualTo(Duration.ofMinutes(2));
  }
}
