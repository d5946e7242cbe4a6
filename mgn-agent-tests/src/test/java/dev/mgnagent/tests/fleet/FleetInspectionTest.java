package dev.mgnagent.tests.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetInspection;
import dev.mgnagent.fleet.HostReport;
import dev.mgnagent.fleet.HostUnreachableException;
import dev.mgnagent.fleet.InspectionStatus;
import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-only work on every host: the disk inventory of fake host trees; cancel stops running hosts.
 */
@Timeout(120)
class FleetInspectionTest {

  @TempDir Path temp;

  @Test
  void eachHostsDisksAreReadFromItsOwnTree() {
    Path a = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("a"));
    Path b = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("b"));
    ConcurrentLinkedQueue<String> reported = new ConcurrentLinkedQueue<>();

    List<HostReport<Inventory>> reports =
        FleetInspection.<Inventory>builder((fleetHost, host) -> DiskInventory.of(host).read())
            .hosts(List.of(FleetHost.of("a"), FleetHost.of("gone"), FleetHost.of("b")))
            .connector(
                host -> {
                  if (host.address().equals("gone")) {
                    throw new HostUnreachableException("UNREACHABLE", "no route.", "Check it.");
                  }
                  return LocalHost.rootedAt(host.address().equals("a") ? a : b);
                })
            .onReport(r -> reported.add(r.host().address()))
            .build()
            .run();

    assertThat(reports)
        .extracting(HostReport::status)
        .containsExactly(
            InspectionStatus.DONE, InspectionStatus.UNREACHABLE, InspectionStatus.DONE);
    assertThat(reports.get(0).value().orElseThrow().disks()).isNotEmpty();
    assertThat(reports.get(1).failure().orElseThrow().reason()).isEqualTo("UNREACHABLE");
    assertThat(reported).containsExactlyInAnyOrder("a", "gone", "b");
  }

  @Test
  void cancelStopsTheRunningHostsByClosingThemAndSkipsTheRest() throws Exception {
    List<BlockingHost> connected = new CopyOnWriteArrayList<>();
    CountDownLatch bothWaiting = new CountDownLatch(2);
    FleetInspection.Running<String> running =
        FleetInspection.<String>builder(
                (fleetHost, host) -> {
                  bothWaiting.countDown();
                  return ((BlockingHost) host).awaitReply();
                })
            .hosts(ScriptedInstallations.hosts(4))
            .connector(
                host -> {
                  BlockingHost blocking = new BlockingHost(temp);
                  connected.add(blocking);
                  return blocking;
                })
            .parallel(2)
            .build()
            .start();
    assertThat(bothWaiting.await(60, TimeUnit.SECONDS)).isTrue();

    running.cancel();
    List<HostReport<String>> reports = running.await();

    assertThat(reports)
        .extracting(HostReport::status)
        .containsExactly(
            InspectionStatus.CANCELLED,
            InspectionStatus.CANCELLED,
            InspectionStatus.SKIPPED,
            InspectionStatus.SKIPPED);
    assertThat(reports).allSatisfy(r -> assertThat(r.value()).isEmpty());
    assertThat(connected).hasSize(2).allSatisfy(h -> assertThat(h.closed).isDone());
  }

  @Test
  void workThatEndsAfterTheCancelIsStillCancelled() throws Exception {
    CompletableFuture<Void> arrived = new CompletableFuture<>();
    CompletableFuture<Void> release = new CompletableFuture<>();
    FleetInspection.Running<String> running =
        FleetInspection.<String>builder(
                (fleetHost, host) -> {
                  arrived.complete(null);
                  release.join();
                  return "looked at " + fleetHost.address();
                })
            .hosts(ScriptedInstallations.hosts(3))
            .connector(host -> LocalHost.rootedAt(temp))
            .parallel(1)
            .build()
            .start();
    arrived.get(60, TimeUnit.SECONDS);

    running.cancel();
    release.complete(null);
    List<HostReport<String>> reports = running.await();

    assertThat(reports)
        .extracting(HostReport::status)
        .containsExactly(
            InspectionStatus.CANCELLED, InspectionStatus.SKIPPED, InspectionStatus.SKIPPED);
    assertThat(reports.get(0).value()).isEmpty();
  }

  /**
   * A connected host whose reply never comes: work waiting on it ends only when the connection is
   * closed, as a read on a closed SSH channel does.
   */
  private static final class BlockingHost implements Host, AutoCloseable {
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Path root;

    BlockingHost(Path root) {
      this.root = root;
    }

    String awaitReply() {
      closed.join();
      throw new IllegalStateException("the connection was closed");
    }

    @Override
    public Path root() {
      return root;
    }

    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public CommandRunner commandRunner() {
      throw new UnsupportedOperationException("no commands on this host");
    }

    @Override
    public void close() {
      closed.complete(null);
    }
  }
}
