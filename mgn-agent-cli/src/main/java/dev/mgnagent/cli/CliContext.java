package dev.mgnagent.cli;

import dev.mgnagent.Sleeper;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may know about the world it runs in, handed in rather than read from globals so
 * that tests can run commands in-process with their own environment, clock and sleeper.
 *
 * @param environment the environment variables the command sees
 * @param clock the clock for timeouts ({@code status --watch-timeout})
 * @param sleeper how commands wait between polls
 * @param terminal whether stdout is an interactive terminal (progress redrawn in place)
 */
public record CliContext(Map<String, String> environment, Clock clock, Sleeper sleeper,
    boolean terminal) {

  /** Checks and copies. */
  public CliContext {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The real clock and sleeper; a terminal when the JVM has a console. */
  public CliContext(Map<String, String> environment) {
    this(environment, Clock.systemUTC(), Sleeper.SYSTEM, System.console() != null);
  }
}
