package dev.mgnagent.testkit.mgn.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The simulated replication of one source server: when it started (in simulated time), its disks,
 * and whatever a test scripted (an error, a stall). Mutable; guarded by {@link MgnState}'s lock.
 */
final class Timeline {
  /** One replicated disk. */
  record SimDisk(String deviceName, long bytes) {}

  final Instant registeredAt;
  final List<SimDisk> disks;

  /**
   * The host's disks as the agent reported them ({@code sourceProperties.disks}); null: {@link
   * #disks}.
   */
  List<SimDisk> hostDisks;

  Instant start;
  boolean started;
  String error;
  boolean stalled;
  Instant frozenAt;

  /**
   * A retrying error: reported from {@link #retryFrom} until {@link #retryUntil}, progress goes on.
   */
  String retryError;

  Instant retryFrom;
  Instant retryUntil;

  /** A resize: a RESCAN from {@link #resizeAt} for {@link #rescanTime}, then a BACKLOG. */
  Instant resizeAt;

  Duration rescanTime;
  Duration backlogTime;

  /** A cutover: from then on lifecycle CUTOVER and replication DISCONNECTED. */
  Instant cutoverAt;

  /** Whether the retrying error is reported at {@code now}. */
  boolean retrying(Instant now) {
    return retryError != null && !now.isBefore(retryFrom) && now.isBefore(retryUntil);
  }

  Timeline(Instant registeredAt, List<SimDisk> disks, boolean started) {
    this.registeredAt = registeredAt;
    this.disks = List.copyOf(disks);
    this.start = registeredAt;
    this.started = started;
  }

  /** Starts (or restarts) replication at {@code now}. */
  void startAt(Instant now) {
    started = true;
    start = now;
    error = null;
    stalled = false;
    frozenAt = null;
  }

  /** Progress stops at {@code now} until {@link #resume(Instant)}. */
  void freeze(Instant now) {
    if (frozenAt == null) {
      frozenAt = now;
    }
  }

  /** Clears a scripted error or stall; progress continues from where it stopped. */
  void resume(Instant now) {
    if (frozenAt != null) {
      start = start.plus(Duration.between(frozenAt, now));
      frozenAt = null;
    }
    error = null;
    stalled = false;
  }

  /** Simulated time replication has been running at {@code now}, not counting frozen time. */
  Duration elapsed(Instant now) {
    Instant end = frozenAt != null ? frozenAt : now;
    Duration d = Duration.between(start, end);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
