package dev.mgnagent.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.testkit.ssh.EnabledIfOpenSshServer;
import dev.mgnagent.testkit.ssh.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// snippet:testkit-openssh
@EnabledIfOpenSshServer
class MyOpenSshTest {
  @TempDir Path temp;

  @Test
  void logsIn() throws Exception {
    OpenSshServer.keygen(temp.resolve("id_ed25519"), "ed25519", "");
    try (OpenSshServer sshd =
        OpenSshServer.builder()
            .directory(temp.resolve("sshd"))
            .authorizedKey(Files.readString(temp.resolve("id_ed25519.pub")).strip())
            .build()
            .start()) {
      Files.writeString(temp.resolve("known_hosts"), sshd.knownHostsLine() + "\n");
      // connect to 127.0.0.1:sshd.port() as OpenSshServer.user() with temp/id_ed25519
      assertThat(sshd.knownHostsLine()).startsWith("[127.0.0.1]:" + sshd.port() + " ");
    }
  }
}
// end-snippet
