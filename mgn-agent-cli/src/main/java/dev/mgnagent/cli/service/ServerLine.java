package dev.mgnagent.cli.service;

import dev.mgnagent.cli.output.DurationFlag;
import dev.mgnagent.mgn.DiskReplication;
import dev.mgnagent.mgn.InitiationStep;
import dev.mgnagent.mgn.ReplicationHealth;
import dev.mgnagent.mgn.ServerReplicationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The words {@code status --watch} uses for a server and a disk. */
public final class ServerLine {
  private static final double GIB = 1024.0 * 1024 * 1024;
  private static final int BAR = 30;

  private ServerLine() {}

  /** {@code s-... web-1 INITIAL_SYNC 42% of 3.0 GiB, eta 3m10s}. */
  public static String summary(ServerReplicationStatus s, Instant now) {
    StringBuilder b = new StringBuilder();
    b.append(s.id())
        .append(' ')
        .append(s.hostname().orElse("-"))
        .append("  ")
        .append(s.replicationState().orElse("-"));
    String state = s.replicationState().orElse("");
    Optional<InitiationStep> step = s.currentStep();
    if (state.equals("INITIATING") && step.isPresent()) {
      int index = s.initiationSteps().indexOf(step.get()) + 1;
      b.append("  step ")
          .append(index)
          .append('/')
          .append(s.initiationSteps().size())
          .append(' ')
          .append(step.get().name());
      if (step.get().status().equals("FAILED")) {
        b.append(" FAILED");
      }
    } else if (state.equals("INITIAL_SYNC") || state.equals("RESCAN")) {
      // a rescan's progress is in rescannedStorageBytes (replicated is already full then)
      b.append(
          String.format(
              Locale.ROOT, "  %.0f%% of %s", Math.floor(s.progressPercent()), gib(s.totalBytes())));
      b.append(eta(s, now));
    } else if (state.equals("BACKLOG")) {
      b.append("  ").append(gib(s.backloggedBytes())).append(" to catch up");
    } else if (state.equals("CONTINUOUS")) {
      b.append("  ").append(s.lifecycleState().orElse("-"));
      s.lag().ifPresent(l -> b.append(", lag ").append(DurationFlag.human(l)));
    }
    return b.toString();
  }

  /** {@code , eta 3m10s} when MGN gave an ETA. */
  static String eta(ServerReplicationStatus s, Instant now) {
    return s.eta().map(e -> ", eta " + DurationFlag.human(Duration.between(now, e))).orElse("");
  }

  /** The error line and its remedy, or the note for a stopped server; empty otherwise. */
  public static Optional<String> problem(ServerReplicationStatus s) {
    if (s.error().isPresent()) {
      var e = s.error().get();
      String retry =
          s.health() != ReplicationHealth.RETRYING
              ? ""
              : s.nextAttempt()
                  .map(t -> " (MGN retries by itself at " + t + ")")
                  .orElse(" (replication goes on; MGN retries by itself)");
      return Optional.of(
          "error " + e.code() + retry + ": " + e.meaning() + ". To do: " + e.remedy());
    }
    if (s.health() == ReplicationHealth.FINISHED) {
      return Optional.of(
          "note: replication ended after the cutover ("
              + s.lifecycleState().orElse("")
              + "); archive the server when it is no longer needed");
    }
    if (s.health() == ReplicationHealth.NOT_REPLICATING) {
      return Optional.of(
          "note: not replicating: MGN knows this server without an agent ("
              + s.lifecycleState().orElse("")
              + "); install the agent to replicate it");
    }
    if (s.health() == ReplicationHealth.FAILED) {
      return Optional.of(
          s.replicationState().orElse("")
              + ": replication is not progressing;"
              + (s.replicationState().orElse("").equals("DISCONNECTED")
                  ? " the server was disconnected from MGN; reinstall the agent to replicate it again"
                  : " check that the agent service runs and reaches MGN (TCP 443) and the replication"
                      + " server (TCP 1500)"));
    }
    if (s.health() == ReplicationHealth.IDLE) {
      return Optional.of(
          "note: replication is "
              + s.replicationState().orElse("")
              + "; start it with 'aws mgn start-replication --source-server-id "
              + s.id()
              + "'"
              + " (or resume-replication when PAUSED)");
    }
    return Optional.empty();
  }

  /** {@code /dev/vda [########......] 42% 1.2 / 3.0 GiB}. */
  static String bar(DiskReplication d) {
    int percent = (int) Math.floor(d.percent());
    int filled = percent * BAR / 100;
    return String.format(
        Locale.ROOT,
        "  %-14s [%s%s] %3d%%  %s / %s",
        d.deviceName(),
        "#".repeat(filled),
        ".".repeat(BAR - filled),
        percent,
        gib(d.replicatedBytes()),
        gib(d.totalBytes()));
  }

  static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / GIB);
  }
}
