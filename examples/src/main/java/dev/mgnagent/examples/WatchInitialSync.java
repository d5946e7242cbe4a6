package dev.mgnagent.examples;

import dev.mgnagent.mgn.ReplicationStatusChanged;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ReplicationWatcher;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.WatchResult;
import dev.mgnagent.testkit.mgn.AgentRegistration;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Seed step 7, "review this process in real time": registers an agent with the testkit's fake MGN
 * and follows its initial sync with a {@link ReplicationWatcher}, printing each change. The
 * watcher's sleeper steps the fake's simulation clock, so the whole sync takes milliseconds; with a
 * real account, leave the clock and sleeper at their defaults.
 */
public final class WatchInitialSync {

  private WatchInitialSync() {}

  public static void main(String[] args) throws InterruptedException {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (FakeMgn mgn = FakeMgn.builder().initialized(true).simulationClock(clock).build().start();
        MgnClient client = mgn.newClient()) {
      mgn.registerAgent(
          AgentRegistration.builder()
              .hostname("app-1")
              .disk("/dev/nvme0n1", 8L << 30)
              .disk("/dev/nvme1n1", 20L << 30)
              .build());

      WatchResult result =
          ReplicationWatcher.builder()
              .reader(ReplicationStatusReader.of(client))
              .interval(Duration.ofSeconds(30))
              .clock(clock)
              .sleeper(clock::advance)
              .eventListener(
                  event -> {
                    if (event instanceof ReplicationStatusChanged changed) {
                      ServerReplicationStatus s = changed.current();
                      System.out.printf(
                          "%s %s %s %.0f%%%n",
                          s.hostname().orElse("?"),
                          s.replicationState().orElse("-"),
                          s.currentStep().map(step -> step.name()).orElse("-"),
                          Math.floor(s.percent()));
                    }
                  })
              .build()
              .watch();
      System.out.println(result.outcome() + " after " + result.refreshes() + " refreshes");
    }
  }
}
