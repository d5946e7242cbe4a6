package dev.mgnagent.tests.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshFailure;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that takes the connection and its key exchange but does not answer the login within the
 * connect timeout (a host, or a driver, too busy to finish in time) is UNREACHABLE with "no answer
 * ... while logging in", never AUTH_REFUSED: it refused nothing. A fleet at scale saw such hosts
 * reported as refusing the key.
 */
class SshLoginTimeoutTest {

  @TempDir Path temp;

  @Test
  void aLoginLeftUnansweredIsNoAnswerNotARefusal() throws Exception {
    KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    KeyPair clientKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    Path identity = temp.resolve("id_ed25519");
    try (OutputStream out = Files.newOutputStream(identity)) {
      new OpenSSHKeyPairResourceWriter().writePrivateKey(clientKey, "test", null, out);
    }
    CountDownLatch answer = new CountDownLatch(1);
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setPublickeyAuthenticator(
        (user, key, session) -> {
          try {
            answer.await(60, TimeUnit.SECONDS); // the login waits: the host never gets to it
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return false;
        });
    server.start();
    try {
      Path knownHosts = temp.resolve("known_hosts");
      Files.writeString(
          knownHosts,
          "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()));
      SshOptions options =
          SshOptions.builder(Map.of("HOME", temp.toString(), "USER", "tester"))
              .knownHosts(knownHosts)
              .identity(identity)
              .connectTimeout(Duration.ofSeconds(2))
              .build();

      assertThatThrownBy(
              () ->
                  SshHost.connect(new SshTarget("127.0.0.1", server.getPort(), "tester"), options))
          .isInstanceOfSatisfying(
              SshException.class,
              e -> {
                assertThat(e.failure())
                    .as(e.getMessage() + " (" + e.getCause() + ")")
                    .isEqualTo(SshFailure.UNREACHABLE);
                assertThat(e.getMessage()).contains("no answer from").contains("while logging in");
              });
    } finally {
      answer.countDown();
      server.stop(true);
    }
  }
}
