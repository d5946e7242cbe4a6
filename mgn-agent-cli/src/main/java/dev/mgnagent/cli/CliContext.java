package dev.mgnagent.cli;

import java.util.Map;

/**
 * What a command may know about the world it runs in, handed in rather than read from globals so
 * that tests can run commands in-process with their own environment.
 *
 * @param environment the environment variables the command sees
 */
public record CliContext(Map<String, String> environment) {

  public CliContext {
    environment = Map.copyOf(environment);
  }
}
