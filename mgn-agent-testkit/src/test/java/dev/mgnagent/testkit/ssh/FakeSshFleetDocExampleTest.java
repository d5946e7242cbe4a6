package dev.mgnagent.testkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of {@code docs/testkit-ssh.md}, run: the snippet there is the region of this file
 * between {@code // snippet:testkit-ssh-fleet} and {@code // end-snippet}.
 */
class FakeSshFleetDocExampleTest {

  @TempDir Path temp;

  @Test
  void runsACommandThroughSudoOnAFakeHost() throws Exception {
    // snippet:testkit-ssh-fleet
    try (FakeSshFleet fleet =
            FakeSshFleet.builder()
                .directory(temp.resolve("fleet"))
                .host("web-1")
                .host("web-2", h -> h.sudoNeedsPassword(Secret.of("s3cret")))
                .host("db-1", h -> h.unreachable())
                .build()
                .start();
        SshClient client = SshClient.setUpDefaultClient()) {
      Path knownHosts = fleet.writeKnownHosts(temp.resolve("known_hosts"));
      Path identity = fleet.clientKey(temp.resolve("keys"));
      client.setServerKeyVerifier(
          new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
      client.start();

      FakeSshHost web1 = fleet.host("web-1");
      FakeSshTarget target = web1.target(); // ec2-user@127.0.0.1:PORT
      try (ClientSession session =
          client.connect(target.user(), target.host(), target.port()).verify().getSession()) {
        session.setKeyIdentityProvider(new FileKeyPairProvider(identity));
        session.auth().verify();
        // a real process on this machine; the host's files are under web1.root()
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ChannelExec exec =
            session.createExecChannel(
                "sudo -n cat " + web1.root().resolve("proc/sys/kernel/hostname"))) {
          exec.setOut(out);
          exec.open().verify();
          exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(30));
          assertThat(exec.getExitStatus()).isZero();
        }
        assertThat(out.toString()).isEqualTo("web-1\n");
      }
      assertThat(web1.processes()).extracting(FakeSshProcess::command).hasSize(1);
    }
    // end-snippet
  }
}
