package dev.mgnagent.cli.fleet;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.SignalStop;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetInspection;
import dev.mgnagent.fleet.HostConnector;
import dev.mgnagent.fleet.HostFailure;
import dev.mgnagent.fleet.HostReport;
import dev.mgnagent.fleet.HostWork;
import dev.mgnagent.fleet.InspectionStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs read-only work on every host of a fleet for {@code fleet preflight} and {@code fleet disks}:
 * a block of text per host as it finishes, or one JSON document at the end. A signal (INT, TERM)
 * stops the running hosts (CANCELLED) and skips the rest.
 */
final class FleetReports {

  private FleetReports() {}

  /**
   * Runs {@code work}; returns the reports in inventory order, or null after a signal (the line was
   * printed and {@code exitCode[0]} holds the code).
   *
   * @param text the text block of a DONE host
   * @param json the JSON document of a DONE host's value
   */
  static <T> List<HostReport<T>> run(
      CliContext context,
      FleetHostOptions hosts,
      HostWork<T> work,
      boolean jsonOutput,
      Function<T, String> text,
      Function<T, String> json,
      PrintWriter out,
      PrintWriter err,
      int[] exitCode) {
    var inventory = hosts.inventory();
    SshSettings ssh = hosts.ssh(context);
    return run(
        context,
        inventory.hosts(),
        ssh,
        hosts.parallel,
        work,
        jsonOutput,
        text,
        json,
        out,
        err,
        exitCode);
  }

  /** {@link #run} on {@code fleetHosts}, reached with {@code ssh}. */
  static <T> List<HostReport<T>> run(
      CliContext context,
      List<FleetHost> fleetHosts,
      SshSettings ssh,
      int parallel,
      HostWork<T> work,
      boolean jsonOutput,
      Function<T, String> text,
      Function<T, String> json,
      PrintWriter out,
      PrintWriter err,
      int[] exitCode) {
    HostConnector connector = SshConnector.forContext(context, ssh);
    FleetInspection<T> inspection =
        FleetInspection.builder(work)
            .hosts(fleetHosts)
            .connector(connector)
            .parallel(parallel)
            .onReport(
                report -> {
                  if (!jsonOutput) {
                    printBlock(out, report, text);
                  }
                })
            .build();
    // the handlers are in place before the first host starts: a signal always stops the run
    AtomicReference<FleetInspection.Running<T>> started = new AtomicReference<>();
    AtomicBoolean stop = new AtomicBoolean();
    try (OwnedConnector owned = new OwnedConnector(connector);
        SignalStop signals =
            SignalStop.on(
                () -> {
                  stop.set(true);
                  FleetInspection.Running<T> running = started.get();
                  if (running != null) {
                    running.cancel();
                  }
                })) {
      FleetInspection.Running<T> running = inspection.start();
      started.set(running);
      if (stop.get()) {
        running.cancel();
      }
      List<HostReport<T>> reports;
      try {
        reports = running.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.cancel();
        throw new dev.mgnagent.MgnAgentException("interrupted while waiting for the hosts", e);
      }
      if (jsonOutput) {
        StringBuilder document = new StringBuilder("{\"hosts\":[");
        for (int i = 0; i < reports.size(); i++) {
          HostReport<T> report = reports.get(i);
          String head =
              JsonWriter.object()
                  .field("host", report.host().address())
                  .field("status", report.status().name())
                  .field("reason", report.failure().map(HostFailure::reason))
                  .field("message", report.failure().map(HostFailure::message))
                  .field("remedy", report.failure().map(HostFailure::remedy))
                  .toJson();
          document
              .append(i == 0 ? "" : ",")
              .append(head, 0, head.length() - 1)
              .append(",\"report\":")
              .append(report.value().map(json).orElse("null"))
              .append('}');
        }
        out.println(document.append("]}"));
      }
      if (signals.received().isPresent()) {
        err.println(
            signals.line(
                "no new host started; the running hosts were stopped and are CANCELLED, the"
                    + " hosts not started are SKIPPED"));
        exitCode[0] = signals.exitCode();
        return null;
      }
      return reports;
    }
  }

  private static <T> void printBlock(
      PrintWriter out, HostReport<T> report, Function<T, String> text) {
    StringBuilder block =
        new StringBuilder("== ")
            .append(TerminalText.escape(report.host().address()))
            .append(": ")
            .append(report.status().name());
    report
        .failure()
        .ifPresent(
            f ->
                block
                    .append(" (")
                    .append(f.reason())
                    .append("): ")
                    .append(TerminalText.escape(f.message())));
    block.append(System.lineSeparator());
    if (report.status() == InspectionStatus.DONE) {
      block.append(text.apply(report.value().orElseThrow()));
    }
    synchronized (out) {
      out.print(block);
      out.flush();
    }
  }
}
