package dev.mgnagent.testkit.mgn;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the fake MGN's simulated replication goes, in simulated time.
 *
 * <p>After registration (or {@code StartReplication}), each of the 11 initiation steps that take
 * time takes {@code initiationStep} (the twelfth, {@code SETUP_FSX_PROXY}, takes none); then every
 * disk copies at {@code syncBytesPerSecond}, but never slower than it takes to copy the disk in
 * {@code maxInitialSync}; when the last disk is done the server is {@code CONTINUOUS} and {@code
 * READY_FOR_TEST} with a lag of {@code lag}. The agent's disks appear in {@code
 * sourceProperties.disks} {@code disksReportDelay} after registration.
 *
 * @param initiationStep how long each initiation step takes
 * @param syncBytesPerSecond the copy rate of each disk
 * @param maxInitialSync the longest an initial sync of one disk may take
 * @param disksReportDelay how long after registration {@code sourceProperties.disks} appears
 * @param lag the {@code lagDuration} once replication is continuous
 */
public record SimulationSettings(
    Duration initiationStep,
    long syncBytesPerSecond,
    Duration maxInitialSync,
    Duration disksReportDelay,
    Duration lag) {

  /** Checks the values. */
  public SimulationSettings {
    Objects.requireNonNull(initiationStep, "initiationStep");
    Objects.requireNonNull(maxInitialSync, "maxInitialSync");
    Objects.requireNonNull(disksReportDelay, "disksReportDelay");
    Objects.requireNonNull(lag, "lag");
    if (initiationStep.isNegative()
        || disksReportDelay.isNegative()
        || lag.isNegative()
        || syncBytesPerSecond < 1
        || maxInitialSync.isNegative()
        || maxInitialSync.isZero()) {
      throw new IllegalArgumentException(
          "durations must not be negative, the rate and the" + " longest sync must be positive");
    }
  }

  /**
   * The defaults: 30 s per initiation step, 100 MiB/s per disk, at most 1 hour per disk, disks
   * reported after 10 s, a lag of 1 s.
   */
  public static SimulationSettings defaults() {
    return new SimulationSettings(
        Duration.ofSeconds(30),
        100L << 20,
        Duration.ofHours(1),
        Duration.ofSeconds(10),
        Duration.ofSeconds(1));
  }

  /**
   * The sandbox's settings, meant for a speed factor of 60: 5 s per step, 1 GiB/s, at most 5
   * minutes per disk, disks reported after 10 s: any initial sync ends within about 6 real seconds.
   */
  public static SimulationSettings sandbox() {
    return new SimulationSettings(
        Duration.ofSeconds(5),
        1L << 30,
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(1));
  }

  /** These settings with another step duration. */
  public SimulationSettings withInitiationStep(Duration step) {
    return new SimulationSettings(step, syncBytesPerSecond, maxInitialSync, disksReportDelay, lag);
  }

  /** These settings with another copy rate. */
  public SimulationSettings withSyncBytesPerSecond(long rate) {
    return new SimulationSettings(initiationStep, rate, maxInitialSync, disksReportDelay, lag);
  }

  /** These settings with another longest sync per disk. */
  public SimulationSettings withMaxInitialSync(Duration max) {
    return new SimulationSettings(initiationStep, syncBytesPerSecond, max, disksReportDelay, lag);
  }

  /** These settings with another delay before {@code sourceProperties.disks} appears. */
  public SimulationSettings withDisksReportDelay(Duration delay) {
    return new SimulationSettings(initiationStep, syncBytesPerSecond, maxInitialSync, delay, lag);
  }

  /** The time one initial sync of a {@code bytes}-byte disk takes. */
  public Duration syncTime(long bytes) {
    long rate = Math.max(syncBytesPerSecond, ceilDiv(bytes * 1000L, maxInitialSync.toMillis()));
    return Duration.ofMillis(ceilDiv(bytes * 1000L, rate));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
