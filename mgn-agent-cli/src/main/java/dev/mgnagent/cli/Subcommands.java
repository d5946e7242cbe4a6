package dev.mgnagent.cli;

import dev.mgnagent.cli.disks.DisksCommand;
import dev.mgnagent.cli.installer.VerifyInstallerCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every subcommand by name, created only when chosen. The suppliers must stay lambdas that name
 * the command class inside their body: that keeps the class unloaded until the command runs.
 */
final class Subcommands {

  private final Map<String, Supplier<Object>> factories;

  private Subcommands(Map<String, Supplier<Object>> factories) {
    this.factories = factories;
  }

  static Subcommands all() {
    Map<String, Supplier<Object>> factories = new LinkedHashMap<>();
    factories.put("disks", () -> new DisksCommand());
    factories.put("verify-installer", () -> new VerifyInstallerCommand());
    return new Subcommands(factories);
  }

  Iterable<String> names() {
    return factories.keySet();
  }

  Optional<Object> create(String name) {
    return Optional.ofNullable(factories.get(name)).map(Supplier::get);
  }
}
