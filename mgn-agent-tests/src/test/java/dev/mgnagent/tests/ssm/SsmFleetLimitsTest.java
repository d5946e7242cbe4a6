package dev.mgnagent.tests.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.testkit.ssm.FakeSsm;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet-wide limits of an SSM install hold across commands: never more than {@code parallel}
 * invocations running at once, and at most 50 nodes per command ({@link SsmFleetBudgetTest}: the
 * failure budget across commands).
 */
class SsmFleetLimitsTest {

  @TempDir java.nio.file.Path temp;

  @Test
  void moreThanFiftyNodesGoInBatchesThatNeverRunMoreThanParallelAtOnce() throws Exception {
    try (LightFleet fleet = new LightFleet(temp, FakeSsm.builder().instances(75))) {
      FleetResult result = fleet.install().parallel(20).build().install();

      assertThat(result.count(HostStatus.INSTALLED)).isEqualTo(75);
      assertThat(fleet.ssm.peakRunning()).isBetween(1, 20);
      List<JsonNode> sends = fleet.sendBodies();
      assertThat(sends).hasSizeGreaterThan(1);
      Set<String> sent = new HashSet<>();
      for (JsonNode send : sends) {
        int ids = send.get("InstanceIds").size();
        assertThat(ids).isBetween(1, 50);
        assertThat(send.get("MaxConcurrency").asText()).isEqualTo(String.valueOf(ids));
        assertThat(send.get("MaxErrors").asText()).isEqualTo("100%");
        send.get("InstanceIds").forEach(id -> assertThat(sent.add(id.asText())).isTrue());
      }
      assertThat(sent).hasSize(75);
      // each node installed under an ID of its own
      assertThat(
              result.outcomes().stream()
                  .map(o -> o.sourceServerId().orElseThrow().value())
                  .distinct())
          .hasSize(75);
    }
  }
}
