package dev.mgnagent.tests.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandResult;
import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshFailure;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import dev.mgnagent.host.ssh.SshTransport;
import dev.mgnagent.testkit.ssh.FakeSshFleet;
import dev.mgnagent.testkit.ssh.FakeSshHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SshOptions.Builder#jump}: hosts whose names only the fake jump host resolves are reached
 * through it, with the same host-key rules for the jump host as for the hosts.
 */
class SshJumpHostTest {

  @TempDir Path temp;
  private FakeSshFleet fleet;

  @AfterEach
  void stop() {
    if (fleet != null) {
      fleet.close();
    }
  }

  private void start(FakeSshFleet.Builder builder) {
    fleet = builder.directory(temp.resolve("fleet")).build().start();
  }

  private SshOptions.Builder options(Path knownHosts) {
    return SshOptions.builder(Map.of())
        .knownHosts(knownHosts)
        .identity(fleet.clientKey(temp.resolve("keys")))
        .jump(SshTarget.parse(fleet.jumpHost().target().toString()));
  }

  private static SshTarget target(FakeSshHost host) {
    return SshTarget.parse(host.target().toString());
  }

  @Test
  void aHostBehindTheJumpHostRunsCommandsAndReadsFilesOverOneSharedTransport() throws Exception {
    start(FakeSshFleet.builder().host("a", h -> h.behindJump()).host("b", h -> h.behindJump()));
    Path knownHosts = fleet.writeKnownHosts(temp.resolve("known_hosts"));
    try (SshTransport transport = SshTransport.open()) {
      for (String name : new String[] {"a", "b"}) {
        FakeSshHost fake = fleet.host(name);
        try (SshHost host =
            SshHost.connect(
                transport,
                target(fake),
                options(knownHosts).remoteRoot(fake.root().toString()).build())) {
          CommandResult result =
              CommandResult.run(
                  host.commandRunner(),
                  Command.of("cat", fake.root().resolve("etc/hostname").toString()),
                  timeout());
          assertThat(result.stdout()).isEqualTo(name + "\n");
          assertThat(Files.readString(host.root().resolve("etc/hostname"))).isEqualTo(name + "\n");
        }
      }
      assertThat(transport.isClosed()).isFalse();
    }
    assertThat(fleet.jumpHost().forwardedConnections()).isEqualTo(2);
  }

  private static Duration timeout() {
    return Duration.ofSeconds(30);
  }

  @Test
  void withoutTheJumpHostTheNameDoesNotResolve() {
    start(FakeSshFleet.builder().host("a", h -> h.behindJump()));
    Path knownHosts = fleet.writeKnownHosts(temp.resolve("known_hosts"));
    SshOptions direct =
        SshOptions.builder(Map.of())
            .knownHosts(knownHosts)
            .identity(fleet.clientKey(temp.resolve("keys")))
            .build();

    assertThatThrownBy(() -> SshHost.connect(target(fleet.host("a")), direct))
        .isInstanceOfSatisfying(
            SshException.class, e -> assertThat(e.failure()).isEqualTo(SshFailure.UNREACHABLE))
        .hasMessageContaining("unknown host name");
  }

  @Test
  void aChangedJumpHostKeyFailsWithBothFingerprints() {
    start(FakeSshFleet.builder().jumpHostWithChangedKey().host("a", h -> h.behindJump()));
    Path knownHosts = fleet.writeKnownHosts(temp.resolve("known_hosts"));

    assertThatThrownBy(() -> SshHost.connect(target(fleet.host("a")), options(knownHosts).build()))
        .isInstanceOfSatisfying(
            SshException.class, e -> assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_CHANGED))
        .hasMessageContaining(fleet.jumpHost().target().port() + "")
        .hasMessageContaining(fleet.jumpHost().hostKeyFingerprint())
        .hasMessageContaining(fleet.jumpHost().servedHostKeyFingerprint());
    assertThat(fleet.jumpHost().forwardedConnections()).isZero();
  }

  @Test
  void anUnknownJumpHostFailsUnlessNewKeysAreAcceptedThenBothKeysAreRecorded() throws Exception {
    start(FakeSshFleet.builder().host("a", h -> h.behindJump()));
    Path empty = temp.resolve("empty_known_hosts");

    assertThatThrownBy(() -> SshHost.connect(target(fleet.host("a")), options(empty).build()))
        .isInstanceOfSatisfying(
            SshException.class, e -> assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_UNKNOWN))
        .hasMessageContaining("[127.0.0.1]:" + fleet.jumpHost().target().port())
        .hasMessageContaining(fleet.jumpHost().servedHostKeyFingerprint());

    try (SshHost host =
        SshHost.connect(target(fleet.host("a")), options(empty).acceptNewHostKeys(true).build())) {
      assertThat(host.isConnected()).isTrue();
    }
    assertThat(Files.readString(empty))
        .contains("[127.0.0.1]:" + fleet.jumpHost().target().port() + " ssh-ed25519 ")
        .contains(fleet.host("a").target().host() + " ssh-ed25519 ");
  }

  @Test
  void theJumpHostForwardsOnlyToTheFleetsHosts() throws Exception {
    start(FakeSshFleet.builder().host("a", h -> h.behindJump()));
    Path knownHosts = fleet.writeKnownHosts(temp.resolve("known_hosts"));
    int closed;
    try (java.net.ServerSocket other =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = other.getLocalPort(); // something listens there, but it is not a fleet host
      SshTarget elsewhere = new SshTarget("127.0.0.1", closed, "ec2-user");
      assertThatThrownBy(() -> SshHost.connect(elsewhere, options(knownHosts).build()))
          .isInstanceOfSatisfying(
              SshException.class, e -> assertThat(e.failure()).isEqualTo(SshFailure.UNREACHABLE))
          .hasMessageContaining("through the jump host");
    }
    assertThat(fleet.jumpHost().refusedConnections()).isEqualTo(1);
  }
}
