package dev.mgnagent.testkit.ssh.internal;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.forward.TcpipServerChannel;

/**
 * The SSH server of a fake jump host (a bastion): MINA's {@link SshServer} on an ephemeral loopback
 * port with a host key of its own and public-key authentication for one user. It serves nothing but
 * {@code direct-tcpip} channels (what OpenSSH's {@code ProxyJump} and {@code ssh -W} open): no
 * shell, no exec, no SFTP. A channel may only lead to {@code 127.0.0.1} on one of the fleet's SSH
 * ports, or to a name only this jump host knows ({@code NAME:22}, mapped to such a port), the way a
 * bastion resolves names of a private network its clients cannot resolve; anything else is refused
 * as {@code administratively prohibited}.
 */
public final class JumpServer implements AutoCloseable {

  /**
   * What the jump host serves.
   *
   * @param privateNames lower-case names only this jump host resolves, each to a loopback port
   * @param allowedPorts the loopback ports a channel may lead to
   */
  public record Settings(
      String user,
      KeyPair hostKey,
      PublicKey clientKey,
      Map<String, Integer> privateNames,
      Set<Integer> allowedPorts) {}

  /** The port a private name is reached on, as a client asks for it. */
  public static final int PRIVATE_PORT = 22;

  private final Settings settings;
  private final AtomicInteger forwarded = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private SshServer server;

  public JumpServer(Settings settings) {
    this.settings = settings;
  }

  /** Starts listening; closes what it opened when it cannot. */
  public void start() throws IOException {
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(0);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(settings.hostKey()));
    sshd.setPublickeyAuthenticator(
        (user, key, session) ->
            user.equals(settings.user()) && KeyUtils.compareKeys(key, settings.clientKey()));
    sshd.setPasswordAuthenticator(null);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setHostBasedAuthenticator(null);
    sshd.setGSSAuthenticator(null);
    sshd.setChannelFactories(List.of(new MappingFactory()));
    sshd.setForwardingFilter(ForwardingFilter.asForwardingFilter(null, null, new Filter()));
    server = sshd;
    try {
      sshd.start();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  /** How many forwarded connections it allowed. */
  public int forwardedConnections() {
    return forwarded.get();
  }

  /** How many forwarding requests it refused. */
  public int refusedConnections() {
    return refused.get();
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.stop(true);
      } catch (IOException e) {
        // stopping anyway
      }
    }
  }

  private final class Filter implements TcpForwardingFilter {
    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
      return false; // no remote forwarding
    }

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
      boolean allowed =
          type == Type.Direct
              && "127.0.0.1".equals(address.getHostName())
              && settings.allowedPorts().contains(address.getPort());
      (allowed ? forwarded : refused).incrementAndGet();
      return allowed;
    }
  }

  /** {@code direct-tcpip} channels whose private destination names are mapped first. */
  private final class MappingFactory implements ChannelFactory {
    @Override
    public String getName() {
      return TcpForwardingFilter.Type.Direct.getName();
    }

    @Override
    public Channel createChannel(Session session) {
      return new MappingChannel();
    }
  }

  private final class MappingChannel extends TcpipServerChannel {
    MappingChannel() {
      super(TcpForwardingFilter.Type.Direct, null);
    }

    @Override
    protected org.apache.sshd.client.future.OpenFuture doInit(Buffer buffer) {
      String host = buffer.getString();
      int port = buffer.getInt();
      String originator = buffer.getString();
      int originatorPort = buffer.getInt();
      Integer mapped =
          port == PRIVATE_PORT ? settings.privateNames().get(host.toLowerCase(Locale.ROOT)) : null;
      if (mapped != null) {
        host = "127.0.0.1";
        port = mapped;
      }
      Buffer rewritten = new ByteArrayBuffer();
      rewritten.putString(host);
      rewritten.putInt(port);
      rewritten.putString(originator);
      rewritten.putInt(originatorPort);
      return super.doInit(rewritten);
    }
  }
}
