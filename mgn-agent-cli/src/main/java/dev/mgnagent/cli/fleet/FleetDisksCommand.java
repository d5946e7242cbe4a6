package dev.mgnagent.cli.fleet;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.disks.DiskReport;
import dev.mgnagent.cli.options.JsonOption;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.fleet.HostReport;
import dev.mgnagent.fleet.InspectionStatus;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mgn-agent fleet disks}: the disks of every host of an inventory, and which the installer
 * would replicate (the host's devices column, else {@code --devices}, else every disk).
 */
@Command(
    name = "disks",
    mixinStandardHelpOptions = true,
    description = {
      "List the disks of every host of an inventory and preview which would be replicated;"
          + " nothing is changed.",
      "Exit 0 when every host was read and has a disk, 1 otherwise."
    })
public final class FleetDisksCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin FleetHostOptions hosts;

  @Option(
      names = "--devices",
      paramLabel = "LIST",
      description = "Disks to replicate on hosts without a devices column value.")
  String devices;

  @Mixin JsonOption json;

  public FleetDisksCommand(CliContext context) {
    this.context = context;
  }

  /** What one host holds and would replicate. */
  record HostDisks(Inventory inventory, Selection selection) {}

  @Override
  public Integer call() {
    hosts.requireOneStdinOption(List.of());
    int[] exitCode = {ExitCodes.OK};
    List<HostReport<HostDisks>> reports =
        FleetReports.run(
            context,
            hosts,
            (fleetHost, host) -> {
              Inventory inventory = DiskInventory.of(host).read();
              Optional<String> list = fleetHost.devices().or(() -> Optional.ofNullable(devices));
              Selection selection =
                  ReplicationSelection.of(inventory, DevicePaths.of(host))
                      .select(new SelectionRequest(list, false, true));
              return new HostDisks(inventory, selection);
            },
            json.json(),
            d -> DiskReport.table(d.inventory(), d.selection()),
            d -> DiskReport.json(d.inventory(), d.selection()),
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            exitCode);
    if (reports == null) {
      return exitCode[0];
    }
    return reports.stream()
            .allMatch(
                r ->
                    r.status() == InspectionStatus.DONE
                        && !r.value().orElseThrow().inventory().disks().isEmpty())
        ? ExitCodes.OK
        : ExitCodes.FAILED;
  }
}
