package dev.mgnagent.host;

/**
 * An exclusive, named lock held on a host, such as the one that keeps two installations from
 * running the installer on the same server at once. Taken with {@link Host#tryLock(String)};
 * released by {@link #close()} or when the holding process ends.
 */
public interface HostLock extends AutoCloseable {

  /** The lock's name, as given to {@link Host#tryLock(String)}. */
  String name();

  /** Releases the lock; calling it again does nothing. */
  @Override
  void close();
}
