package dev.mgnagent.tests.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgnagent.fleet.FailureLimit;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.testkit.ssm.FakeSsm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SSM install's failure budget across commands: each command's {@code MaxErrors} is the budget
 * that remains, and nothing is sent once it is spent.
 */
class SsmFleetBudgetTest {

  @TempDir java.nio.file.Path temp;

  @Test
  void laterBatchesGetTheFailureBudgetThatRemains() throws Exception {
    FakeSsm.Builder builder = FakeSsm.builder().instance("bad", i -> i.failingCommand("curl", 22));
    for (int i = 1; i < 60; i++) {
      builder.instance("node-" + i);
    }
    try (LightFleet fleet = new LightFleet(temp, builder)) {
      FleetResult result =
          fleet.install().parallel(50).maxFailures(FailureLimit.count(3)).build().install();

      assertThat(result.count(HostStatus.FAILED)).isEqualTo(1);
      assertThat(result.count(HostStatus.INSTALLED)).isEqualTo(59);
      assertThat(result.failureLimitExceeded()).isFalse();
      List<JsonNode> sends = fleet.sendBodies();
      assertThat(sends).hasSizeGreaterThan(1);
      assertThat(sends.get(0).get("InstanceIds")).hasSize(50);
      assertThat(sends.get(0).get("MaxErrors").asText()).isEqualTo("3");
      // the failing node is the first one started: every later batch has one error less to spend
      for (JsonNode later : sends.subList(1, sends.size())) {
        assertThat(later.get("MaxErrors").asText()).isEqualTo("2");
      }
      assertThat(fleet.ssm.peakRunning()).isBetween(1, 50);
    }
  }

  @Test
  void noBatchIsSentOnceTheBudgetIsSpent() throws Exception {
    FakeSsm.Builder builder = FakeSsm.builder();
    for (int i = 1; i <= 3; i++) {
      builder.instance("bad-" + i, n -> n.failingCommand("curl", 22));
    }
    for (int i = 1; i <= 57; i++) {
      builder.instance("node-" + i);
    }
    try (LightFleet fleet = new LightFleet(temp, builder)) {
      FleetResult result =
          fleet.install().parallel(10).maxFailures(FailureLimit.count(2)).build().install();

      assertThat(result.failureLimitExceeded()).isTrue();
      assertThat(result.count(HostStatus.FAILED)).isEqualTo(3);
      assertThat(result.count(HostStatus.SKIPPED)).isGreaterThanOrEqualTo(40);
      List<JsonNode> sends = fleet.sendBodies();
      assertThat(sends.get(0).get("InstanceIds")).hasSize(10);
      assertThat(sends.get(0).get("MaxErrors").asText()).isEqualTo("2");
      int previous = 2;
      int ids = 0;
      for (JsonNode send : sends) {
        int budget = Integer.parseInt(send.get("MaxErrors").asText());
        assertThat(budget).isBetween(0, previous);
        previous = budget;
        ids += send.get("InstanceIds").size();
      }
      // what was never sent is SKIPPED, not lost
      assertThat(ids).isLessThanOrEqualTo(20);
      assertThat(result.outcomes()).hasSize(60);
      assertThat(fleet.ssm.peakRunning()).isBetween(1, 10);
    }
  }
}
