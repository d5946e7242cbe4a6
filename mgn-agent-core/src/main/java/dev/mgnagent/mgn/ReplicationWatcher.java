package dev.mgnagent.mgn;

import dev.mgnagent.Sleeper;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.internal.GuardedListener;
import dev.mgnagent.mgn.internal.DefaultReplicationWatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Follows source servers until their replication settles: reads them with a {@link
 * ReplicationStatusReader} (paging with {@code maxResults} 1000, so N servers cost ceil(N/1000)
 * calls per refresh) every {@code interval}, emits a {@link
 * dev.mgnagent.mgn.ReplicationStatusChanged} for each server that changed and a {@link
 * dev.mgnagent.mgn.ReplicationRefreshed} after each refresh, and stops when every server is
 * CONTINUOUS, STOPPED or PAUSED or finished after a cutover, when one fails (an error MGN does not
 * retry, STALLED, DISCONNECTED without a cutover), or at the timeout. An error MGN retries by
 * itself ({@link ReplicationHealth#RETRYING}) does not stop the watch. Watching every server (no
 * IDs) leaves out servers MGN knows without an agent ({@link ReplicationHealth#NOT_REPLICATING}).
 *
 * <pre>{@code
 * WatchResult result = ReplicationWatcher.builder()
 *     .reader(ReplicationStatusReader.of(mgnClient))
 *     .ids(List.of(new SourceServerId("s-1234567890abcdef0")))
 *     .eventListener(event -> System.out.println(event))
 *     .build()
 *     .watch();
 * }</pre>
 */
public interface ReplicationWatcher {

  /** A builder: every non-archived server, {@link WatchSettings#defaults()}, the system clock. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Watches until the servers settle, one fails, or the timeout passes.
   *
   * @throws MgnServiceException when MGN refuses a read or cannot be reached
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  WatchResult watch() throws InterruptedException;

  /** Builds a {@link ReplicationWatcher}. */
  final class Builder {
    private ReplicationStatusReader reader;
    private final List<SourceServerId> ids = new ArrayList<>();
    private WatchSettings settings = WatchSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private EventListener listener = EventListener.NONE;

    private Builder() {}

    /** Where statuses come from (required). */
    public Builder reader(ReplicationStatusReader reader) {
      this.reader = Objects.requireNonNull(reader, "reader");
      return this;
    }

    /** Only these servers; none means every non-archived server. */
    public Builder ids(List<SourceServerId> ids) {
      this.ids.clear();
      this.ids.addAll(ids);
      return this;
    }

    /** How often and how long to watch (default {@link WatchSettings#defaults()}). */
    public Builder settings(WatchSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Time between refreshes (positive); short for changing {@link #settings(WatchSettings)}.
     *
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder interval(Duration interval) {
      this.settings = settings.toBuilder().interval(interval).build();
      return this;
    }

    /**
     * How long to watch at most (positive), measured on {@link #clock(Clock)}; short for changing
     * {@link #settings(WatchSettings)}.
     *
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder timeout(Duration timeout) {
      this.settings = settings.toBuilder().timeout(timeout).build();
      return this;
    }

    /** The clock the timeout is measured on. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How to wait between refreshes. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Who hears the events (default: nobody). */
    public Builder eventListener(EventListener listener) {
      this.listener = GuardedListener.guard(listener);
      return this;
    }

    /** The watcher. */
    public ReplicationWatcher build() {
      if (reader == null) {
        throw new IllegalStateException("a ReplicationWatcher needs a reader");
      }
      return new DefaultReplicationWatcher(
          reader,
          List.copyOf(ids),
          settings.interval(),
          settings.timeout(),
          clock,
          sleeper,
          listener);
    }
  }
}
