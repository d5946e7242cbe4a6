package dev.mgnagent.cli.disks;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.options.HostRootOption;
import dev.mgnagent.cli.options.JsonOption;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.DiskInventoryException;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mgn-agent disks}: the disks MGN can replicate on this host, which back {@code /}, and
 * which the installer would replicate for a {@code --devices} list.
 */
@Command(
    name = "disks",
    mixinStandardHelpOptions = true,
    description = {
      "List the disks MGN can replicate on this server and preview which the installer would"
          + " replicate.",
      "Nothing is installed or changed."
    })
public final class DisksCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin JsonOption json;

  @Mixin HostRootOption hostRoot;

  @Option(
      names = "--devices",
      paramLabel = "LIST",
      description =
          "Comma-separated paths to replicate, as the installer takes them (partitions,"
              + " LVs and aliases select their whole disks). Default: every disk.")
  String devices;

  @Option(
      names = "--force-volumes",
      description =
          "Pass --devices as given, without detection (needs --no-prompt; the root"
              + " disk must be listed).")
  boolean forceVolumes;

  @Option(names = "--no-prompt", description = "As the installer's: never ask (disks never asks).")
  boolean noPrompt;

  @Override
  public Integer call() {
    SelectionRequest request =
        new SelectionRequest(Optional.ofNullable(devices), forceVolumes, noPrompt);
    Host host = hostRoot.host();
    Inventory inventory = read(host);
    if (hostRoot.given().isPresent() && inventory.disks().isEmpty()) {
      throw new InvalidRequestException(
          "--host-root",
          "--host-root "
              + hostRoot.given().get()
              + ": no usable disk in this tree"
              + DiskReport.warningSummary(inventory));
    }
    Selection selection = ReplicationSelection.of(inventory, DevicePaths.of(host)).select(request);
    if (json.json()) {
      spec.commandLine().getOut().println(DiskReport.json(inventory, selection));
    } else {
      spec.commandLine().getOut().print(DiskReport.table(inventory, selection));
      DiskReport.warnings(inventory, selection).forEach(spec.commandLine().getErr()::println);
    }
    return inventory.disks().isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private Inventory read(Host host) {
    try {
      return DiskInventory.of(host).read();
    } catch (DiskInventoryException e) {
      if (hostRoot.given().isPresent()) {
        throw new InvalidRequestException(
            "--host-root", "--host-root " + hostRoot.given().get() + ": " + e.getMessage());
      }
      throw e;
    }
  }
}
