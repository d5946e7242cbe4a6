package dev.mgnagent.testkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Each fault gives its behaviour on its host and leaves the healthy host alone. */
// one fleet for the class: each test uses its own hosts or leaves no state behind
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeSshFleetFaultsTest {

  private static final Duration ROUND_TRIP = Duration.ofMillis(150);

  @TempDir static Path temp;
  private FakeSshFleet fleet;
  private MinaClient client;
  private KeyPair key;

  @BeforeAll
  void start() throws Exception {
    fleet =
        FakeSshFleet.builder()
            .directory(temp.resolve("fleet"))
            .host("healthy")
            .host("down", FakeSshHostBuilder::unreachable)
            .host("locked", FakeSshHostBuilder::authRefused)
            .host("rebuilt", FakeSshHostBuilder::changedHostKey)
            .host("far", h -> h.slowLink(ROUND_TRIP))
            .host("flaky", h -> h.dropConnectionAfter(1))
            .host("picky", h -> h.dropConnectionWhenCommandContains("aws-replication-installer"))
            .build()
            .start();
    client = new MinaClient();
    key = MinaClient.loadKey(fleet.clientKey(temp.resolve("keys")), null);
  }

  @AfterAll
  void stop() {
    client.close();
    fleet.close();
  }

  private void healthyHostStillWorks() throws IOException {
    try (ClientSession session = client.login(fleet.host("healthy"), key)) {
      assertThat(MinaClient.exec(session, "echo fine").out()).isEqualTo("fine\n");
    }
  }

  @Test
  void anUnreachableHostRefusesTheConnection() throws Exception {
    assertThatThrownBy(() -> client.connect(fleet.host("down")))
        .hasRootCauseInstanceOf(ConnectException.class);
    healthyHostStillWorks();
  }

  @Test
  void aHostThatRefusesAuthenticationRefusesTheFleetsKey() throws Exception {
    try (ClientSession session = client.connect(fleet.host("locked"))) {
      session.addPublicKeyIdentity(key);
      assertThatThrownBy(() -> session.auth().verify(MinaClient.TIMEOUT))
          .isInstanceOf(IOException.class);
    }
    healthyHostStillWorks();
  }

  @Test
  void aChangedHostKeyDiffersFromTheRecordedOneAndFailsAKnownHostsCheck() throws Exception {
    Path knownHosts = fleet.writeKnownHosts(temp.resolve("known_hosts"));
    FakeSshHost rebuilt = fleet.host("rebuilt");
    assertThat(rebuilt.servedHostKeyLine()).isNotEqualTo(rebuilt.hostKeyLine());
    assertThat(rebuilt.servedHostKeyFingerprint()).isNotEqualTo(rebuilt.hostKeyFingerprint());
    FakeSshHost healthy = fleet.host("healthy");
    assertThat(healthy.servedHostKeyLine()).isEqualTo(healthy.hostKeyLine());

    try (MinaClient strict =
        new MinaClient(
            new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts))) {
      assertThatThrownBy(
              () -> {
                try (ClientSession session = strict.connect(rebuilt)) {
                  session.addPublicKeyIdentity(key);
                  session.auth().verify(MinaClient.TIMEOUT);
                }
              })
          .isInstanceOf(IOException.class);
      try (ClientSession session = strict.login(healthy, key)) {
        assertThat(MinaClient.exec(session, "echo known").out()).isEqualTo("known\n");
      }
    }
  }

  @Test
  void aSlowLinkDelaysEveryRoundTripButStillWorks() throws Exception {
    try (ClientSession session = client.login(fleet.host("far"), key)) {
      long start = System.nanoTime();
      MinaClient.Result result = MinaClient.exec(session, "echo far");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(result.out()).isEqualTo("far\n");
      // channel open and its confirmation, then the output, the exit status and the close:
      // at least two round trips
      assertThat(took).isGreaterThanOrEqualTo(ROUND_TRIP.multipliedBy(2));
    }
    healthyHostStillWorks();
  }

  @Test
  void aHostDropsTheConnectionAfterItsExecRequestsAndRunsNoMore() throws Exception {
    FakeSshHost flaky = fleet.host("flaky");
    try (ClientSession session = client.login(flaky, key)) {
      assertThat(MinaClient.exec(session, "echo first").out()).isEqualTo("first\n");
      assertThatThrownBy(() -> MinaClient.exec(session, "touch second"))
          .isInstanceOf(IOException.class);
      // no SSH disconnect message: the connection just ends
      session.waitFor(
          List.of(org.apache.sshd.client.session.ClientSession.ClientSessionEvent.CLOSED),
          MinaClient.TIMEOUT);
      assertThat(session.isOpen()).isFalse();
    }
    assertThat(flaky.processes()).extracting(FakeSshProcess::command).containsExactly("echo first");
    assertThat(flaky.home().resolve("second")).doesNotExist();
    healthyHostStillWorks();
  }

  @Test
  void aHostDropsTheConnectionAtACommandContainingTheWord() throws Exception {
    FakeSshHost picky = fleet.host("picky");
    try (ClientSession session = client.login(picky, key)) {
      assertThat(MinaClient.exec(session, "echo before").out()).isEqualTo("before\n");
      assertThatThrownBy(
              () -> MinaClient.exec(session, "touch ran; ./aws-replication-installer-init"))
          .isInstanceOf(IOException.class);
    }
    assertThat(picky.processes())
        .extracting(FakeSshProcess::command)
        .containsExactly("echo before");
    assertThat(picky.home().resolve("ran")).doesNotExist();
    try (ClientSession again = client.login(picky, key)) {
      assertThat(MinaClient.exec(again, "echo after").out()).isEqualTo("after\n");
    }
    healthyHostStillWorks();
  }

  @Test
  void aFleetThatCannotStartClosesTheHostsItHadStarted() throws Exception {
    Path dir = temp.resolve("broken");
    // the second host's tree directory is not empty: writing it fails
    Files.createDirectories(dir.resolve("second/root"));
    Files.writeString(dir.resolve("second/root/in-the-way"), "x");
    FakeSshFleet broken =
        FakeSshFleet.builder().directory(dir).host("first").host("second").build();

    assertThatThrownBy(broken::start).isInstanceOf(RuntimeException.class);

    FakeSshHost first = broken.host("first");
    assertThatThrownBy(() -> client.connect(first)).hasRootCauseInstanceOf(ConnectException.class);
  }
}
