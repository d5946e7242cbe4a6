package dev.mgnagent.mgn.internal;

import dev.mgnagent.Sleeper;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.mgn.ReplicationHealth;
import dev.mgnagent.mgn.ReplicationRefreshed;
import dev.mgnagent.mgn.ReplicationStatusChanged;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ReplicationWatcher;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.WatchOutcome;
import dev.mgnagent.mgn.WatchResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ReplicationWatcher} by polling: read, report changes, decide, sleep. */
public final class DefaultReplicationWatcher implements ReplicationWatcher {
  private final ReplicationStatusReader reader;
  private final List<SourceServerId> ids;
  private final Duration interval;
  private final Duration timeout;
  private final Clock clock;
  private final Sleeper sleeper;
  private final EventListener listener;

  public DefaultReplicationWatcher(
      ReplicationStatusReader reader,
      List<SourceServerId> ids,
      Duration interval,
      Duration timeout,
      Clock clock,
      Sleeper sleeper,
      EventListener listener) {
    this.reader = reader;
    this.ids = ids;
    this.interval = interval;
    this.timeout = timeout;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  @Override
  public WatchResult watch() throws InterruptedException {
    Instant start = clock.instant();
    Map<SourceServerId, ServerReplicationStatus> last = new HashMap<>();
    int refreshes = 0;
    while (true) {
      List<ServerReplicationStatus> servers = reader.read(ids);
      if (ids.isEmpty()) {
        // watching everything: servers MGN knows without an agent have nothing to follow
        servers =
            servers.stream().filter(s -> s.health() != ReplicationHealth.NOT_REPLICATING).toList();
      }
      refreshes++;
      for (ServerReplicationStatus s : servers) {
        ServerReplicationStatus before = last.put(s.id(), s);
        if (!s.equals(before)) {
          listener.onEvent(new ReplicationStatusChanged(Optional.ofNullable(before), s));
        }
      }
      listener.onEvent(new ReplicationRefreshed(refreshes, servers));
      Optional<WatchOutcome> outcome = decide(servers);
      if (outcome.isPresent()) {
        return new WatchResult(outcome.get(), servers, refreshes);
      }
      if (Duration.between(start, clock.instant()).compareTo(timeout) >= 0) {
        return new WatchResult(WatchOutcome.TIMED_OUT, servers, refreshes);
      }
      sleeper.sleep(interval);
    }
  }

  /**
   * Failed as soon as one fails; settled when none is still on its way (a retrying error is on its
   * way: MGN tries again by itself).
   */
  static Optional<WatchOutcome> decide(List<ServerReplicationStatus> servers) {
    boolean inProgress = false;
    for (ServerReplicationStatus s : servers) {
      ReplicationHealth health = s.health();
      if (health == ReplicationHealth.FAILED) {
        return Optional.of(WatchOutcome.FAILED);
      }
      inProgress |= health == ReplicationHealth.IN_PROGRESS || health == ReplicationHealth.RETRYING;
    }
    return inProgress ? Optional.empty() : Optional.of(WatchOutcome.SETTLED);
  }
}
