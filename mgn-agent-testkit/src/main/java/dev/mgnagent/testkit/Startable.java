package dev.mgnagent.testkit;

/**
 * The one lifecycle of every testkit fake that serves something: build it, {@link #start()} it,
 * {@link #close()} it. {@code @StartStop} ({@code dev.mgnagent.testkit.junit}) starts and closes
 * anything that implements it, and try-with-resources closes it.
 *
 * <pre>{@code
 * try (FakeMgn mgn = FakeMgn.builder().initialized(true).build().start()) {
 *   ...
 * }
 * }</pre>
 */
public interface Startable extends AutoCloseable {

  /**
   * Starts serving; implementations return themselves, so that {@code builder().build().start()}
   * reads as one expression.
   *
   * @return this
   * @throws IllegalStateException when already started, or (for a fake that says so) started once
   *     already
   * @throws RuntimeException when it cannot start; whatever it had started by then is closed
   */
  Startable start();

  /** Stops serving and releases what {@link #start()} took. Idempotent; never throws checked. */
  @Override
  void close();
}
