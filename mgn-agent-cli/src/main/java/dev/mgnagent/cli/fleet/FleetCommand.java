package dev.mgnagent.cli.fleet;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mgn-agent fleet}: the commands that work on every host of an inventory. */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = "Work on many hosts at once: install, plan, preflight, disks.",
    synopsisSubcommandLabel = "COMMAND")
public final class FleetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private FleetCommand() {}

  /** The {@code fleet} command line with its subcommands. */
  public static CommandLine create(CliContext context) {
    CommandLine fleet = new CommandLine(new FleetCommand());
    fleet.addSubcommand(new FleetInstallCommand(context));
    fleet.addSubcommand(new FleetPreflightCommand(context));
    fleet.addSubcommand(new FleetDisksCommand(context));
    CommandLine plan = new CommandLine(FleetInstallCommand.plan(context));
    plan.getCommandSpec().usageMessage().description(FleetOperatingOptions.PLAN_DESCRIPTION);
    fleet.addSubcommand("plan", plan);
    return fleet;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.INVALID_REQUEST;
  }
}
