package dev.mgnagent.cli;

import dev.mgnagent.Sleeper;
import dev.mgnagent.cli.fleet.FleetConnectors;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command may know about the world it runs in, handed in rather than read from globals so
 * that tests can run commands in-process with their own environment, clock and sleeper.
 *
 * @param environment the environment variables the command sees
 * @param clock the clock for timeouts ({@code status --watch-timeout})
 * @param sleeper how commands wait between polls
 * @param terminal whether stdout is an interactive terminal (progress redrawn in place)
 * @param console the terminal to ask the operator on, when there is one
 * @param fleetConnectors how {@code fleet} commands reach hosts, when not over SSH (a test's fake
 *     hosts)
 */
public record CliContext(
    Map<String, String> environment,
    Clock clock,
    Sleeper sleeper,
    boolean terminal,
    Optional<Terminal> console,
    Optional<FleetConnectors> fleetConnectors) {

  /** Checks and copies. */
  public CliContext {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(console, "console");
    Objects.requireNonNull(fleetConnectors, "fleetConnectors");
  }

  /** Fleet hosts reached over SSH. */
  public CliContext(
      Map<String, String> environment,
      Clock clock,
      Sleeper sleeper,
      boolean terminal,
      Optional<Terminal> console) {
    this(environment, clock, sleeper, terminal, console, Optional.empty());
  }

  /** This context with {@code fleet} commands reaching hosts through {@code connectors}. */
  public CliContext withFleetConnectors(FleetConnectors connectors) {
    return new CliContext(environment, clock, sleeper, terminal, console, Optional.of(connectors));
  }

  /** Without a terminal to ask on. */
  public CliContext(
      Map<String, String> environment, Clock clock, Sleeper sleeper, boolean terminal) {
    this(environment, clock, sleeper, terminal, Optional.empty());
  }

  /** The real clock and sleeper; a terminal (to show on and ask on) when the JVM has a console. */
  public CliContext(Map<String, String> environment) {
    this(environment, Clock.systemUTC(), Sleeper.SYSTEM, Terminal.system());
  }

  private CliContext(
      Map<String, String> environment, Clock clock, Sleeper sleeper, Optional<Terminal> console) {
    this(environment, clock, sleeper, console.isPresent(), console);
  }
}
