package dev.mgnagent.testkit.ssh.internal;

import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.common.Factory;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.future.CloseFuture;
import org.apache.sshd.common.future.DefaultCloseFuture;
import org.apache.sshd.common.future.SshFutureListener;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoConnector;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.IoServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.server.SshServer;

/**
 * The threads the SSH servers of one fake fleet share: one NIO2 I/O service (its channel group and
 * worker pool) and one timer, instead of a set of each per server. Every server still listens on a
 * port of its own, with its own host key, sessions and settings; only the machinery that moves
 * bytes and fires timeouts is shared, as one sshd process serves many connections. A server's stop
 * closes its own acceptor and sessions and leaves the shared service running; {@link #close()}
 * stops it once every server has stopped.
 */
public final class SharedServerIo implements AutoCloseable {

  /** Never started: only the source of the shared I/O service's (default) settings. */
  private final SshServer settings = SshServer.setUpDefaultServer();

  private final Nio2ServiceFactory io = new Nio2ServiceFactory(settings, null, null);
  private final ScheduledExecutorService timer =
      ThreadUtils.newSingleThreadScheduledExecutor("fake-ssh-timer");

  /** Makes {@code server} use the shared I/O service and timer; call before it starts. */
  public void attach(SshServer server) {
    server.setIoServiceFactoryFactory(new Handout());
    server.setScheduledExecutorService(timer, false);
  }

  @Override
  public void close() {
    io.close(true);
    timer.shutdownNow();
  }

  /** Gives each server a view of the shared service that its stop does not close. */
  private final class Handout implements IoServiceFactoryFactory {
    @Override
    public IoServiceFactory create(FactoryManager manager) {
      return new Unclosable();
    }

    @Override
    public void setExecutorServiceFactory(Factory<CloseableExecutorService> factory) {
      // the shared service has its own pool
    }
  }

  /** One server's view of the shared I/O service: closing it closes nothing shared. */
  private final class Unclosable implements IoServiceFactory {
    private final Object lock = new Object();
    private final DefaultCloseFuture closed = new DefaultCloseFuture(lock, lock);

    @Override
    public IoConnector createConnector(IoHandler handler) {
      return io.createConnector(handler);
    }

    @Override
    public IoAcceptor createAcceptor(IoHandler handler) {
      return io.createAcceptor(handler);
    }

    @Override
    public IoServiceEventListener getIoServiceEventListener() {
      return io.getIoServiceEventListener();
    }

    @Override
    public void setIoServiceEventListener(IoServiceEventListener listener) {
      // one listener for the shared service: the servers of a fake fleet set none
    }

    @Override
    public CloseFuture close(boolean immediately) {
      closed.setClosed();
      return closed;
    }

    @Override
    public void addCloseFutureListener(SshFutureListener<CloseFuture> listener) {
      closed.addListener(listener);
    }

    @Override
    public void removeCloseFutureListener(SshFutureListener<CloseFuture> listener) {
      closed.removeListener(listener);
    }

    @Override
    public boolean isClosed() {
      return closed.isClosed();
    }

    @Override
    public boolean isClosing() {
      return closed.isClosed();
    }
  }
}
