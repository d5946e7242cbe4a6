package dev.mgnagent.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.fleet.FailureLimit;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetHostFinished;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.FleetInventory;
import dev.mgnagent.fleet.HostConnector;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostUnreachableException;
import dev.mgnagent.fleet.SshHostConnector;
import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshFailure;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import dev.mgnagent.host.ssh.SudoMode;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * The fleet and SSH code of docs/fleet.md and docs/ssh.md. They need real servers to install, so
 * the tests build what the snippets build and reach a port where nothing listens.
 */
class FleetSnippetsTest {

  @TempDir Path temp;
  private final List<HostOutcome> finished = new ArrayList<>();

  private void log(HostOutcome outcome) {
    finished.add(outcome);
  }

  private FleetInstallation fleet(Path inventory, HostConnector connector) {
    // snippet:fleet-java
    FleetInstallation fleet =
        FleetInstallation.builder()
            .hosts(FleetInventory.read(inventory).hosts())
            .connector(connector) // a HostConnector: SSH, or your own
            .request(InstallRequest.builder().region(Region.EU_WEST_3).noPrompt(true).build())
            .parallel(10)
            .maxFailures(FailureLimit.parse("10%"))
            .eventListener(EventListener.on(FleetHostFinished.class, e -> log(e.outcome())))
            .build();
    // end-snippet
    return fleet;
  }

  private HostConnector connector(Path knownHosts, Path key) {
    // snippet:fleet-ssh-connector
    HostConnector connector =
        SshHostConnector.builder(System.getenv())
            .knownHosts(knownHosts)
            .user("ec2-user")
            .identity(key)
            .options(o -> o.acceptNewHostKeys(false).connectTimeout(Duration.ofSeconds(10)))
            .build();
    // end-snippet
    return connector;
  }

  private static void installOver(String address, Path key, InstallRequest request) {
    // snippet:ssh-host
    SshOptions options =
        SshOptions.builder(System.getenv()) // finds ~/.ssh through HOME
            .knownHosts(key.resolveSibling("known_hosts"))
            .identity(key)
            .sudo(SudoMode.NON_INTERACTIVE)
            .build();
    try (SshHost host = SshHost.connect(SshTarget.parse(address), options)) {
      AgentInstallation.builder().host(host).build().install(request);
    }
    // end-snippet
  }

  @Test
  void aFleetReadsItsInventoryAndGivesEachHostItsRequest() throws Exception {
    Path inventory =
        Files.writeString(
            temp.resolve("wave-1.csv"), "host,devices\n10.0.1.15,/dev/sdb\n10.0.1.16,\n");

    FleetInstallation fleet = fleet(inventory, connector(temp.resolve("known_hosts"), key()));

    assertThat(fleet.requestFor(FleetHost.of("10.0.1.16")).region()).isEqualTo(Region.EU_WEST_3);
  }

  @Test
  void aHostWhereNothingListensIsUnreachable() throws Exception {
    HostConnector connector = connector(temp.resolve("known_hosts"), key());

    assertThatThrownBy(
            () -> connector.connect(FleetHost.builder().address("127.0.0.1").port(1).build()))
        .isInstanceOfSatisfying(
            HostUnreachableException.class,
            e -> assertThat(e.reason()).isEqualTo(SshFailure.UNREACHABLE.name()));
  }

  @Test
  void anSshHostWhereNothingListensFailsTyped() throws Exception {
    InstallRequest request = InstallRequest.builder().region(Region.EU_WEST_3).build();

    assertThatThrownBy(() -> installOver("ec2-user@127.0.0.1:1", key(), request))
        .isInstanceOfSatisfying(
            SshException.class, e -> assertThat(e.failure()).isEqualTo(SshFailure.UNREACHABLE));
  }

  /** A key file; nothing reads it before a server answers. */
  private Path key() throws Exception {
    Path key = temp.resolve("id_ed25519");
    if (!Files.exists(key)) {
      Files.writeString(key, "");
    }
    return key;
  }
}
