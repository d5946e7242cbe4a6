package dev.mgnagent.tests.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshFailure;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import dev.mgnagent.testkit.ssh.EnabledIfOpenSshServer;
import dev.mgnagent.testkit.ssh.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host keys against the real OpenSSH server: an unknown host is refused with its key's fingerprint,
 * accepting new keys records it (in a file created 0600), a changed key is refused even then, with
 * both fingerprints, and hashed known_hosts names are understood.
 */
@EnabledIfOpenSshServer
class SshHostKeyOpenSshTest {

  @TempDir static Path dir;
  @TempDir Path temp;

  static OpenSshServer server;
  static Path clientKey;
  static String hostFingerprint;

  @BeforeAll
  static void startServer() throws Exception {
    clientKey = dir.resolve("id_ed25519");
    OpenSshServer.keygen(clientKey, "ed25519", "");
    server =
        OpenSshServer.start(
            dir.resolve("sshd"), List.of(Files.readString(dir.resolve("id_ed25519.pub")).strip()));
    hostFingerprint = OpenSshServer.fingerprint(server.hostPublicKey());
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private SshHost connect(Path knownHosts, boolean acceptNew) {
    return SshHost.connect(
        new SshTarget("127.0.0.1", server.port(), OpenSshServer.user()),
        SshOptions.builder(Map.of())
            .knownHosts(knownHosts)
            .acceptNewHostKeys(acceptNew)
            .identity(clientKey)
            .connectTimeout(Duration.ofSeconds(20))
            .build());
  }

  @Test
  void anUnknownHostIsRefusedShowingTheOfferedFingerprintAndNothingIsRecorded() throws Exception {
    Path knownHosts = temp.resolve("known_hosts");
    Files.writeString(knownHosts, "[127.0.0.1]:1 " + otherHostKeyLine() + "\n");
    String before = Files.readString(knownHosts);

    assertThatThrownBy(() -> connect(knownHosts, false))
        .isInstanceOfSatisfying(
            SshException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_UNKNOWN);
              assertThat(e.getMessage()).contains(hostFingerprint).contains("SHA256:");
              assertThat(e.remedy()).contains(knownHosts.toString());
            });
    assertThat(Files.readString(knownHosts)).isEqualTo(before);
  }

  @Test
  void aMissingKnownHostsFileRefusesTooAndIsNotCreated() {
    Path knownHosts = temp.resolve("absent/known_hosts");
    assertThatThrownBy(() -> connect(knownHosts, false))
        .isInstanceOfSatisfying(
            SshException.class,
            e -> assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_UNKNOWN));
    assertThat(knownHosts).doesNotExist();
  }

  @Test
  void acceptingNewKeysRecordsTheKeyInANew0600FileAndTheNextLoginNeedsNoAcceptance()
      throws Exception {
    Path knownHosts = temp.resolve("ssh/known_hosts");
    try (SshHost host = connect(knownHosts, true)) {
      assertThat(host.isConnected()).isTrue();
    }
    assertThat(Files.readString(knownHosts).strip()).isEqualTo(server.knownHostsLine());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts)))
        .isEqualTo("rw-------");

    try (SshHost again = connect(knownHosts, false)) {
      assertThat(again.isConnected()).isTrue();
    }
    assertThat(Files.readAllLines(knownHosts)).hasSize(1);
  }

  @Test
  void aChangedKeyIsRefusedEvenWhenAcceptingNewKeysAndShowsBothFingerprints() throws Exception {
    Path knownHosts = temp.resolve("known_hosts");
    String recordedLine = otherHostKeyLine();
    Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + recordedLine + "\n");
    String recorded = OpenSshServer.fingerprint(temp.resolve("other_host_key.pub"));

    for (boolean acceptNew : new boolean[] {false, true}) {
      assertThatThrownBy(() -> connect(knownHosts, acceptNew))
          .isInstanceOfSatisfying(
              SshException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_CHANGED);
                assertThat(e.getMessage()).contains(hostFingerprint).contains(recorded);
              });
    }
    assertThat(Files.readAllLines(knownHosts)).hasSize(1);
  }

  @Test
  void aHashedEntryWrittenBySshKeygenIsUnderstood() throws Exception {
    Path knownHosts = temp.resolve("known_hosts");
    Files.writeString(knownHosts, server.knownHostsLine() + "\n");
    Process hash =
        new ProcessBuilder(OpenSshServer.SSH_KEYGEN.toString(), "-H", "-f", knownHosts.toString())
            .redirectErrorStream(true)
            .start();
    hash.getInputStream().readAllBytes();
    assertThat(hash.waitFor()).isZero();
    assertThat(Files.readString(knownHosts)).startsWith("|1|").doesNotContain("127.0.0.1");

    try (SshHost host = connect(knownHosts, false)) {
      assertThat(host.isConnected()).isTrue();
    }
  }

  /** A key line ({@code type base64}) of another host key, generated into the temp dir. */
  private String otherHostKeyLine() throws Exception {
    Path other = temp.resolve("other_host_key");
    if (!Files.exists(other)) {
      OpenSshServer.keygen(other, "ed25519", "");
    }
    String[] words = Files.readString(temp.resolve("other_host_key.pub")).strip().split(" ");
    return words[0] + " " + words[1];
  }
}
