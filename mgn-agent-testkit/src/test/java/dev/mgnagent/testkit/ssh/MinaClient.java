package dev.mgnagent.testkit.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/** MINA's own SSH client, as the tests of the fake fleet use it (never core's SshHost). */
final class MinaClient implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final SshClient client;

  MinaClient(ServerKeyVerifier verifier) {
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(verifier);
    client.start();
  }

  /** A client that accepts any host key (the tests of host keys pass their own verifier). */
  MinaClient() {
    this((session, address, key) -> true);
  }

  static KeyPair loadKey(Path file, String passphrase)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return SecurityUtils.loadKeyPairIdentities(
              null,
              NamedResource.ofName(file.toString()),
              in,
              passphrase == null ? null : FilePasswordProvider.of(passphrase))
          .iterator()
          .next();
    }
  }

  /** Connects (without authenticating yet). */
  ClientSession connect(FakeSshHost host) throws IOException {
    FakeSshTarget t = host.target();
    return client.connect(t.user(), t.host(), t.port()).verify(TIMEOUT).getSession();
  }

  /** Connects and authenticates with {@code key}. */
  ClientSession login(FakeSshHost host, KeyPair key) throws IOException {
    ClientSession session = connect(host);
    session.addPublicKeyIdentity(key);
    session.auth().verify(TIMEOUT);
    return session;
  }

  /** Runs {@code command}, writes {@code stdin} then EOF, and waits for the channel to close. */
  static Result exec(ClientSession session, String command, String stdin) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ChannelExec channel = session.createExecChannel(command)) {
      channel.setOut(out);
      channel.setErr(err);
      channel.open().verify(TIMEOUT);
      OutputStream in = channel.getInvertedIn();
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
      in.flush();
      in.close();
      channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
      Integer status = channel.getExitStatus();
      if (status == null) {
        throw new IOException("no exit status came: the connection or channel closed first");
      }
      return new Result(
          status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  static Result exec(ClientSession session, String command) throws IOException {
    return exec(session, command, "");
  }

  SshClient sshClient() {
    return client;
  }

  @Override
  public void close() {
    client.stop();
  }

  /** What a command gave back. */
  record Result(int status, String out, String err) {}
}
