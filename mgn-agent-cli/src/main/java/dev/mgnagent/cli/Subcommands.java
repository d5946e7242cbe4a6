package dev.mgnagent.cli;

import dev.mgnagent.cli.disks.DisksCommand;
import dev.mgnagent.cli.install.InstallCommand;
import dev.mgnagent.cli.installer.VerifyInstallerCommand;
import dev.mgnagent.cli.preflight.PreflightCommand;
import dev.mgnagent.cli.sandbox.SandboxCommand;
import dev.mgnagent.cli.service.InitServiceCommand;
import dev.mgnagent.cli.service.ReconcileCommand;
import dev.mgnagent.cli.service.StatusCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every subcommand by name, created only when chosen. The factories must stay lambdas that name the
 * command class inside their body: that keeps the class unloaded until the command runs.
 */
final class Subcommands {

  private final Map<String, Function<CliContext, Object>> factories;
  private final CliContext context;

  private Subcommands(Map<String, Function<CliContext, Object>> factories, CliContext context) {
    this.factories = factories;
    this.context = context;
  }

  static Subcommands all(CliContext context) {
    Map<String, Function<CliContext, Object>> factories = new LinkedHashMap<>();
    factories.put("install", c -> new InstallCommand(c));
    factories.put("disks", c -> new DisksCommand());
    factories.put("verify-installer", c -> new VerifyInstallerCommand(c));
    factories.put("init-service", c -> new InitServiceCommand(c));
    factories.put("status", c -> new StatusCommand(c));
    factories.put("reconcile", c -> new ReconcileCommand(c));
    factories.put("disconnect", c -> new dev.mgnagent.cli.service.DisconnectCommand(c));
    factories.put("archive", c -> new dev.mgnagent.cli.service.ArchiveCommand(c));
    factories.put("delete", c -> new dev.mgnagent.cli.service.DeleteCommand(c));
    factories.put("sandbox", c -> new SandboxCommand());
    factories.put("preflight", c -> new PreflightCommand(c));
    factories.put("fleet", c -> dev.mgnagent.cli.fleet.FleetCommand.create(c));
    return new Subcommands(factories, context);
  }

  Iterable<String> names() {
    return factories.keySet();
  }

  Optional<Object> create(String name) {
    return Optional.ofNullable(factories.get(name)).map(factory -> factory.apply(context));
  }
}
