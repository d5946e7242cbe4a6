package dev.mgnagent.cli.service;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.options.HostRootOption;
import dev.mgnagent.cli.options.JsonOption;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.DiskInventoryException;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.mgn.DiskReconciler;
import dev.mgnagent.mgn.MgnDisks;
import dev.mgnagent.mgn.Reconciliation;
import dev.mgnagent.mgn.ReplicatedDisksReader;
import dev.mgnagent.mgn.SourceServerId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * {@code mgn-agent reconcile}: this host's disks against what MGN replicates for its source server,
 * with what to do for each disk. Exit 1 when something needs the operator.
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
      "Compare this host's disks with what MGN replicates for a source server: unchanged,"
          + " resized (MGN resyncs), disconnected (dropped), or not replicated (rerun the"
          + " installer); flags a boot disk renamed by NVMe re-enumeration.",
      "Exit 0 when nothing needs doing, 1 when a disk or the boot disk needs action."
    })
public final class ReconcileCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin ServiceOptions service;

  @Option(
      names = "--source-server-id",
      required = true,
      paramLabel = "ID",
      description = "The source server of this host (s- and 17 letters and digits).")
  String id;

  @Mixin HostRootOption hostRoot;

  @Mixin JsonOption json;

  public ReconcileCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    SourceServerId server = SourceServerId.parse("--source-server-id", id);
    Host host = hostRoot.host();
    Inventory inventory;
    try {
      inventory = DiskInventory.of(host).read();
    } catch (DiskInventoryException e) {
      throw new InvalidRequestException(
          "--host-root",
          "cannot list the disks"
              + hostRoot.given().map(r -> " under --host-root " + r).orElse("")
              + ": "
              + e.getMessage());
    }
    ServiceOptions.Service target = service.resolve(context);
    MgnDisks mgn;
    try (MgnClient client = target.newClient()) {
      mgn = ReplicatedDisksReader.of(client).read(server);
    }
    Reconciliation result = DiskReconciler.of(inventory, DevicePaths.of(host)).reconcile(mgn);
    if (json.json()) {
      spec.commandLine().getOut().println(ReconcileReport.json(server, result));
    } else {
      spec.commandLine().getOut().print(ReconcileReport.table(result));
    }
    return result.needsAction() ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
