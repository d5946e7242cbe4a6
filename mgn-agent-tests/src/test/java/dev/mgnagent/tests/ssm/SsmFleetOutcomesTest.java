package dev.mgnagent.tests.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.RunningFleet;
import dev.mgnagent.testkit.mgn.SteppedClock;
import dev.mgnagent.testkit.ssm.FakeSsm;
import dev.mgnagent.testkit.ssm.FakeSsmInstanceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way an invocation ends maps to its fleet outcome, from {@code StatusDetails}: timeouts on
 * the fake's stepped clock, undeliverable and offline nodes, {@code MaxErrors} stopping the rest as
 * Terminated, and cancelling.
 */
class SsmFleetOutcomesTest {

  @TempDir java.nio.file.Path temp;

  private static Map<String, String> byName(LightFleet fleet, FleetResult result) {
    Map<String, String> nameById = new HashMap<>();
    fleet.ssm.instances().forEach(i -> nameById.put(i.instanceId(), i.name()));
    Map<String, String> m = new LinkedHashMap<>();
    for (HostOutcome o : result.outcomes()) {
      m.put(
          nameById.get(o.host().address()),
          o.status() + o.failure().map(f -> " " + f.reason()).orElse(""));
    }
    return m;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not reached in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void timeoutsUndeliverableAndOfflineNodesGetTheirOwnOutcomes() throws Exception {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-12-02T04:00:00Z"));
    FakeSsm.Builder builder =
        FakeSsm.builder()
            .clock(clock)
            .instance("ok")
            .instance("hang", FakeSsmInstanceBuilder::hangs)
            .instance("late", i -> i.slow(Duration.ofHours(1)))
            .instance("lost", FakeSsmInstanceBuilder::undeliverable)
            .instance("offline", FakeSsmInstanceBuilder::offline);
    try (LightFleet fleet = new LightFleet(temp, builder)) {
      RunningFleet running =
          fleet
              .install()
              .parallel(5)
              .deliveryTimeout(Duration.ofMinutes(1))
              .executionTimeout(Duration.ofMinutes(2))
              .build()
              .start();
      String hang = fleet.ssm.instance("hang").instanceId();
      String ok = fleet.ssm.instance("ok").instanceId();
      await(
          () ->
              "In Progress".equals(fleet.ssm.statusDetails().get(hang))
                  && "Success".equals(fleet.ssm.statusDetails().get(ok)));
      clock.advance(Duration.ofMinutes(3));
      FleetResult result = running.await();

      assertThat(byName(fleet, result))
          .containsEntry("ok", "INSTALLED")
          .containsEntry("hang", "FAILED EXECUTION_TIMED_OUT")
          .containsEntry("late", "UNREACHABLE DELIVERY_TIMED_OUT")
          .containsEntry("lost", "UNREACHABLE UNDELIVERABLE")
          .containsEntry("offline", "UNREACHABLE SSM_CONNECTIONLOST");
    }
  }

  @Test
  void maxErrorsStopsTheRestAsTerminatedAndTheyAreSkipped() throws Exception {
    FakeSsm.Builder builder =
        FakeSsm.builder()
            .instance("bad-1", i -> i.failingCommand("curl", 22))
            .instance("bad-2", i -> i.failingCommand("curl", 22))
            .instance("node-1")
            .instance("node-2");
    try (LightFleet fleet = new LightFleet(temp, builder)) {
      FleetResult result =
          fleet
              .install()
              .parallel(1)
              .maxFailures(dev.mgnagent.fleet.FailureLimit.count(1))
              .build()
              .install();

      assertThat(byName(fleet, result))
          .containsEntry("bad-1", "FAILED DOWNLOAD_FAILED")
          .containsEntry("bad-2", "FAILED DOWNLOAD_FAILED")
          .containsEntry("node-1", "SKIPPED")
          .containsEntry("node-2", "SKIPPED");
      assertThat(fleet.ssm.statusDetails().get(fleet.ssm.instance("node-2").instanceId()))
          .isEqualTo("Terminated");
      assertThat(result.failureLimitExceeded()).isTrue();
    }
  }

  @Test
  void cancellingSendsCancelCommandAndRunningNodesAreCancelled() throws Exception {
    FakeSsm.Builder builder =
        FakeSsm.builder()
            .instance("hang-1", FakeSsmInstanceBuilder::hangs)
            .instance("hang-2", FakeSsmInstanceBuilder::hangs);
    try (LightFleet fleet = new LightFleet(temp, builder)) {
      RunningFleet running = fleet.install().parallel(2).build().start();
      await(
          () ->
              fleet.ssm.statusDetails().values().stream().filter("In Progress"::equals).count()
                  == 2);
      running.cancel();
      FleetResult result = running.await();

      assertThat(result.cancelled()).isTrue();
      assertThat(result.count(HostStatus.CANCELLED)).isEqualTo(2);
      assertThat(fleet.ssm.exchanges())
          .anyMatch(e -> "CancelCommand".equals(e.operation()) && e.status() == 200);
    }
  }
}
