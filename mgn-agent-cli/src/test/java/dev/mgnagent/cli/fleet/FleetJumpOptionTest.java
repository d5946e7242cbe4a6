package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.testkit.ssh.FakeSshFleet;
import dev.mgnagent.testkit.ssh.FakeSshHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --jump} and the inventory's {@code jump} column of the {@code fleet} commands. */
class FleetJumpOptionTest {

  @TempDir Path temp;

  private CliContext context() {
    return new CliContext(
        Map.of("HOME", temp.toString(), "USER", "nobody-local"),
        Clock.systemUTC(),
        dev.mgnagent.Sleeper.SYSTEM,
        false);
  }

  @Test
  void fleetDisksReachesAHostOnlyTheJumpHostResolves() throws Exception {
    try (FakeSshFleet fleet =
        FakeSshFleet.builder()
            .directory(temp.resolve("fleet"))
            .host("hidden", h -> h.behindJump())
            .build()
            .start()) {
      FakeSshHost hidden = fleet.host("hidden");
      Path inventory =
          Files.writeString(temp.resolve("hosts.csv"), "host\n" + hidden.target().host() + "\n");

      CliRun run =
          CliRun.withContext(
              context(),
              "fleet",
              "disks",
              "--inventory",
              inventory.toString(),
              "--user",
              hidden.target().user(),
              "--jump",
              fleet.jumpHost().target().toString(),
              "--known-hosts",
              fleet.writeKnownHosts(temp.resolve("known_hosts")).toString(),
              "--identity",
              fleet.clientKey(temp.resolve("keys")).toString(),
              "--remote-root",
              hidden.root().toString());

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains(hidden.target().host());
      assertThat(fleet.jumpHost().forwardedConnections()).isEqualTo(1);
    }
  }

  @Test
  void aBadJumpHostIsOneLineAndExitTwo() throws Exception {
    Path inventory = Files.writeString(temp.resolve("hosts.csv"), "host\nweb-1\n");

    CliRun run =
        CliRun.withContext(
            context(), "fleet", "disks", "--inventory", inventory.toString(), "--jump", "a@b,c@d");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains("--jump").contains("chains");
  }

  @Test
  void aBadJumpColumnNamesItsLineAndColumn() throws Exception {
    Path inventory =
        Files.writeString(temp.resolve("hosts.csv"), "host,jump\nweb-1,ops@bastion\nweb-2,:22\n");

    CliRun run =
        CliRun.withContext(context(), "fleet", "disks", "--inventory", inventory.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains("line 3").contains("column jump");
  }
}
