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
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * {@code disks ARGS} when every argument is one this command takes in its plain form ({@code
   * --json}, {@code --host-root DIR}, {@code --devices LIST}, {@code --force-volumes}, {@code
   * --no-prompt}, {@code --stacktrace}), each at most once and no value starting with {@code -}:
   * the command ready to {@link #run}, built without picocli, whose model costs a short command
   * more than half of its start. Anything else is empty, for picocli to parse (help, errors,
   * abbreviations and the rest).
   */
  public static Optional<DisksCommand> parsedWithoutPicocli(String[] args) {
    if (args.length == 0 || !args[0].equals("disks")) {
      return Optional.empty();
    }
    Map<String, String> given = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      String value = null;
      if (FLAGS.contains(name) && eq < 0) {
        value = "";
      } else if (VALUED.contains(name)) {
        value = eq > 0 ? arg.substring(eq + 1) : (i + 1 < args.length ? args[++i] : null);
        if (value == null || value.startsWith("-")) {
          return Optional.empty();
        }
      }
      if (value == null || given.put(name, value) != null) {
        return Optional.empty();
      }
    }
    Optional<Path> hostRoot;
    try {
      hostRoot = Optional.ofNullable(given.get("--host-root")).map(Path::of);
    } catch (InvalidPathException e) {
      return Optional.empty(); // picocli's converter words the error
    }
    DisksCommand command = new DisksCommand();
    command.json = JsonOption.of(given.containsKey("--json"));
    command.hostRoot = HostRootOption.of(hostRoot);
    command.devices = given.get("--devices");
    command.forceVolumes = given.containsKey("--force-volumes");
    command.noPrompt = given.containsKey("--no-prompt");
    return Optional.of(command);
  }

  private static final Set<String> FLAGS =
      Set.of("--json", "--force-volumes", "--no-prompt", "--stacktrace");
  private static final Set<String> VALUED = Set.of("--host-root", "--devices");

  /** Lists the disks on {@code out} (warnings on {@code err}); returns the exit code. */
  public int run(PrintWriter out, PrintWriter err) {
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
      out.println(DiskReport.json(inventory, selection));
    } else {
      out.print(DiskReport.table(inventory, selection));
      DiskReport.warnings(inventory, selection).forEach(err::println);
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
