package dev.mgnagent.host.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshFailure;
import dev.mgnagent.host.ssh.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The known_hosts verifier on its own: every known_hosts content that does not list the offered key
 * either refuses, or (accepting new keys, for an unlisted host only) records the key before
 * accepting. No combination accepts a key silently.
 */
class KnownHostsVerifierTest {

  @TempDir Path temp;

  static KeyPair offered;
  static KeyPair other;
  static KeyPair ecdsa;
  static final SshTarget TARGET = new SshTarget("10.1.2.3", 2222, "ec2-user");

  @BeforeAll
  static void keys() throws Exception {
    offered = KeyUtils.generateKeyPair("ssh-ed25519", 256);
    other = KeyUtils.generateKeyPair("ssh-ed25519", 256);
    ecdsa = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
  }

  private static String line(String names, PublicKey key) {
    return names + " " + PublicKeyEntry.toString(key);
  }

  /** known_hosts contents that do not list {@code offered} for the target. */
  private static List<String> contentsWithoutTheOfferedKey() {
    List<String> contents = new ArrayList<>();
    contents.add(null); // no file at all
    contents.add("");
    contents.add("# only a comment\n\n");
    contents.add(line("10.1.2.3", offered.getPublic()) + "\n"); // port 22, not 2222
    contents.add(line("[10.1.2.30]:2222", offered.getPublic()) + "\n");
    contents.add(line("[10.1.2.3]:2222", other.getPublic()) + "\n");
    contents.add(line("[10.1.2.3]:2222", ecdsa.getPublic()) + "\n");
    contents.add("@revoked " + line("[10.1.2.3]:2222", offered.getPublic()) + "\n");
    contents.add("garbage line without a key\n");
    return contents;
  }

  @Test
  void noContentWithoutTheOfferedKeyAcceptsItSilently() throws Exception {
    int i = 0;
    for (String content : contentsWithoutTheOfferedKey()) {
      for (boolean acceptNew : new boolean[] {false, true}) {
        Path file = temp.resolve("known_hosts-" + i++);
        if (content != null) {
          Files.writeString(file, content);
        }
        KnownHostsVerifier verifier = new KnownHostsVerifier(file, TARGET, acceptNew);
        boolean accepted;
        try {
          accepted = verifier.verify(offered.getPublic());
        } catch (SshException e) {
          assertThat(e.failure()).isIn(SshFailure.HOST_KEY_UNKNOWN, SshFailure.HOST_KEY_CHANGED);
          accepted = false;
        }
        if (accepted) {
          assertThat(acceptNew).as("accepted only when accepting new keys: " + content).isTrue();
          assertThat(Files.readString(file))
              .as("an accepted new key is recorded first")
              .contains(line("[10.1.2.3]:2222", offered.getPublic()));
        }
        // MINA's view: false whenever verify threw, with the reason kept
        KnownHostsVerifier again = new KnownHostsVerifier(file, TARGET, false);
        boolean minaView = again.verifyServerKey(null, null, offered.getPublic());
        assertThat(minaView).isEqualTo(again.failure().isEmpty());
        if (minaView) {
          assertThat(Files.readString(file)).contains(PublicKeyEntry.toString(offered.getPublic()));
        }
      }
    }
  }

  @Test
  void aChangedKeyIsRefusedEvenWhenAcceptingNewKeys() throws Exception {
    Path file = temp.resolve("known_hosts");
    Files.writeString(file, line("[10.1.2.3]:2222", other.getPublic()) + "\n");
    assertThatThrownBy(() -> new KnownHostsVerifier(file, TARGET, true).verify(offered.getPublic()))
        .isInstanceOfSatisfying(
            SshException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_CHANGED);
              assertThat(e.getMessage())
                  .contains(KeyUtils.getFingerPrint(offered.getPublic()))
                  .contains(KeyUtils.getFingerPrint(other.getPublic()));
            });
  }

  @Test
  void aFileRewrittenWithALineOfTheSameLengthIsReadAgain() throws Exception {
    // the parsed entries are kept between connections: a key replaced in place (same length, same
    // path, possibly the same modification time) must still be seen at the next connection
    Path file = temp.resolve("known_hosts");
    String listed = line("[10.1.2.3]:2222", offered.getPublic()) + "\n";
    String replaced = line("[10.1.2.3]:2222", other.getPublic()) + "\n";
    assertThat(replaced).hasSameSizeAs(listed);
    Files.writeString(file, listed);
    assertThat(new KnownHostsVerifier(file, TARGET, false).verify(offered.getPublic())).isTrue();

    Files.writeString(file, replaced);
    assertThatThrownBy(
            () -> new KnownHostsVerifier(file, TARGET, false).verify(offered.getPublic()))
        .isInstanceOfSatisfying(
            SshException.class,
            e -> assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_CHANGED));

    Files.writeString(file, listed);
    assertThat(new KnownHostsVerifier(file, TARGET, false).verify(offered.getPublic())).isTrue();
  }

  @Test
  void aListedKeyIsAcceptedWithoutTouchingTheFile() throws Exception {
    Path file = temp.resolve("known_hosts");
    String content =
        line("[10.1.2.3]:2222", ecdsa.getPublic())
            + "\n"
            + line("web-1,[10.1.2.3]:2222", offered.getPublic())
            + "\n";
    Files.writeString(file, content);
    assertThat(new KnownHostsVerifier(file, TARGET, false).verify(offered.getPublic())).isTrue();
    assertThat(Files.readString(file)).isEqualTo(content);
  }

  @Test
  void minasClientDefaultWouldAcceptAnyKeySoSshConnectionReplacesIt() {
    // the fact this class exists for: MINA's default verifier accepts everything
    try (SshClient client = SshClient.setUpDefaultClient()) {
      assertThat(client.getServerKeyVerifier()).isSameAs(AcceptAllServerKeyVerifier.INSTANCE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
