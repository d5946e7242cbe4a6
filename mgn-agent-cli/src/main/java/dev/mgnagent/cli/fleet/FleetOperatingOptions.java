package dev.mgnagent.cli.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.fleet.FleetInventory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of {@code fleet install} for operating a wave: re-running what failed ({@code
 * --retry-failed}) and planning without changing anything ({@code --dry-run}, also {@code fleet
 * plan}); and how the wave is shown (a live view on a terminal, plain lines otherwise).
 */
public final class FleetOperatingOptions {

  /** The description of {@code fleet plan}. */
  static final String[] PLAN_DESCRIPTION = {
    "Show what 'fleet install' would do on every host of an inventory, changing nothing: the"
        + " preflight checks, the disks selected, the flavor, the tags and the installer's command"
        + " line (secrets masked). Takes the options of 'fleet install'.",
    "Exit 0 when every host was read and none fails a preflight check that would stop it, 1"
        + " otherwise, 2 for an invalid request or inventory."
  };

  /** How often at most the live view is redrawn. */
  static final Duration REDRAW_INTERVAL = Duration.ofMillis(200);

  @Option(
      names = RetryFailed.OPTION,
      paramLabel = "RESULTS",
      description =
          "Run only the hosts of the inventory that the results file RESULTS of an earlier run does"
              + " not show INSTALLED (FAILED, UNREACHABLE, SKIPPED, CANCELLED, or without a line)."
              + " This run's results go to the --results file, which must be another file;"
              + " without --results they are only shown.")
  Path retryFailed;

  @Option(
      names = "--dry-run",
      description =
          "Change nothing: run the preflight checks and the disk selection on every host and show"
              + " what would be installed there (devices, flavor, tags, the installer's command"
              + " line with secrets masked). The same as 'fleet plan'.")
  boolean dryRun;

  /** Set for {@code fleet plan}, which is {@code fleet install --dry-run}. */
  boolean plan;

  /** Whether this run only plans. */
  boolean planOnly() {
    return plan || dryRun;
  }

  /** Refuses options that make no sense with a plan. */
  void check(Optional<Path> results) {
    if (planOnly() && results.isPresent()) {
      throw new InvalidRequestException(
          "--results",
          (plan ? "fleet plan" : "--dry-run")
              + " installs nothing and writes no results; leave out --results");
    }
  }

  /**
   * The hosts this run works on: every host of {@code inventory}, or with {@code --retry-failed}
   * those not INSTALLED in its file (a note on {@code err} says how many). Empty when nothing is
   * left to retry.
   */
  Optional<FleetInventory> hosts(
      FleetInventory inventory, Optional<Path> results, PrintWriter err) {
    if (retryFailed == null) {
      return Optional.of(inventory);
    }
    RetryFailed.Selection selection = RetryFailed.select(inventory, retryFailed, results);
    if (selection.hosts().isEmpty()) {
      err.println(
          "mgn-agent: every host of the inventory is INSTALLED in "
              + retryFailed
              + "; nothing to retry");
      return Optional.empty();
    }
    err.println(
        "mgn-agent: retrying "
            + selection.hosts().size()
            + " of "
            + inventory.size()
            + " host(s): not INSTALLED in "
            + retryFailed
            + (selection.withoutLine() == 0
                ? ""
                : " (" + selection.withoutLine() + " without a line there)")
            + (results.isPresent() || planOnly()
                ? ""
                : "; no --results given: this run's outcomes are only shown"));
    return Optional.of(FleetInventory.of(selection.hosts()));
  }

  /**
   * How the wave is shown: with {@code json}, the JSON events; on a terminal, the {@link
   * FleetLiveView}; otherwise {@link FleetLines}.
   */
  EventListener view(CliContext context, boolean json, PrintWriter out) {
    if (json) {
      return new FleetJson(out);
    }
    if (context.terminal()) {
      return new FleetLiveView(
          out, context.clock(), REDRAW_INTERVAL, FleetLiveView.width(context.environment()));
    }
    return new FleetLines(out);
  }
}
