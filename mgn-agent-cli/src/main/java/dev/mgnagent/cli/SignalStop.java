package dev.mgnagent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT, SIGTERM and SIGHUP into an orderly stop while a command runs: the first signal runs
 * the command's stop action (cancel the installation, end the sandbox), and the JVM does not exit
 * on its own, so the command finishes its cleanup, prints what it stopped and exits with {@link
 * #exitCode()}. {@link #close()} puts the previous handlers back.
 *
 * <p>A signal the platform does not let the JVM handle (one ignored since start, as under {@code
 * nohup}) is left as it is.
 */
public final class SignalStop implements AutoCloseable {

  private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

  private final AtomicReference<String> received = new AtomicReference<>();
  private final List<Signal> installed = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  private SignalStop(Runnable stop) {
    SignalHandler handler =
        signal -> {
          if (received.compareAndSet(null, signal.getName())) {
            stop.run();
          }
        };
    for (String name : SIGNALS) {
      try {
        Signal signal = new Signal(name);
        previous.add(Signal.handle(signal, handler));
        installed.add(signal);
      } catch (IllegalArgumentException notHandled) {
        // ignored since the JVM started, or reserved by it: keep the platform's behaviour
      }
    }
  }

  /** Runs {@code stop} (once, on the JVM's signal thread) when INT, TERM or HUP arrives. */
  public static SignalStop on(Runnable stop) {
    return new SignalStop(stop);
  }

  /** The signal received ({@code "INT"}, {@code "TERM"}, {@code "HUP"}), if one was. */
  public Optional<String> received() {
    return Optional.ofNullable(received.get());
  }

  /** The exit code for the signal received: 130, 143 or 129. */
  public int exitCode() {
    return ExitCodes.forSignal(received.get() == null ? "TERM" : received.get());
  }

  /** The line printed on stderr after stopping: {@code mgn-agent: stopped by SIGTERM: what}. */
  public String line(String what) {
    return "mgn-agent: stopped by SIG" + received().orElse("TERM") + ": " + what;
  }

  @Override
  public void close() {
    for (int i = 0; i < installed.size(); i++) {
      Signal.handle(installed.get(i), previous.get(i));
    }
  }
}
