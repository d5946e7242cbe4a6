package dev.mgnagent.cli.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetInventory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --jump} option of the {@code fleet} commands: a jump host every host is reached
 * through unless its inventory row names its own in the {@code jump} column.
 */
public final class JumpOption {

  @Option(
      names = "--jump",
      paramLabel = "[USER@]HOST[:PORT]",
      description =
          "Reach the hosts through this jump host, like OpenSSH's ProxyJump (one hop; the"
              + " inventory's jump column wins for a host). Its host key is checked like the"
              + " hosts' and it is logged in to with the same keys.")
  String jump;

  /** {@code inventory} with the {@code --jump} host given to every host that names none. */
  FleetInventory applyTo(FleetInventory inventory) {
    if (jump == null) {
      return inventory;
    }
    List<FleetHost> hosts = new ArrayList<>();
    try {
      FleetHost.builder().address("check").jump(jump);
      for (FleetHost host : inventory.hosts()) {
        hosts.add(host.withDefaultJump(jump));
      }
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException("--jump", "--jump: " + e.getMessage());
    }
    return FleetInventory.of(hosts);
  }
}
