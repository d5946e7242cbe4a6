package dev.mgnagent.preflight.internal;

import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.PreflightReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Every check in report order, and the run that starts the probes before the local checks. */
public final class AllChecks {

  private AllChecks() {}

  public static List<PreflightCheck> inOrder() {
    List<PreflightCheck> all = new ArrayList<>();
    all.addAll(PrivilegeChecks.all());
    all.addAll(PlatformChecks.all());
    all.addAll(SpaceChecks.all());
    all.addAll(ToolChecks.all());
    all.addAll(BootChecks.all());
    all.addAll(ConflictChecks.all());
    all.addAll(DiskChecks.all());
    all.addAll(NetworkChecks.all());
    all.add(CredentialsCheck.check());
    return List.copyOf(all);
  }

  /** Starts the network probes and the MGN call, runs the local checks, then collects. */
  public static PreflightReport run(Host host, HostView view, Settings settings) {
    return run(host, view, settings, Optional.empty());
  }

  /** As {@link #run(Host, HostView, Settings)}, the disk checks given the inventory when known. */
  public static PreflightReport run(
      Host host, HostView view, Settings settings, Optional<Inventory> inventory) {
    try (NetworkProber prober =
        new NetworkProber(
            settings.connector(), settings.probeTimeout(), ProbePlan.targets(settings))) {
      CompletableFuture<PreflightCheck.Verdict> credentials = new CompletableFuture<>();
      CompletableFuture<Void> callStarted = new CompletableFuture<>();
      Thread call =
          new Thread(
              () -> {
                try {
                  credentials.complete(
                      CredentialsCheck.call(
                          settings,
                          settings.probeTimeout().multipliedBy(2),
                          () -> callStarted.complete(null)));
                } catch (RuntimeException e) {
                  credentials.complete(
                      PreflightCheck.Verdict.fail(
                          "the MGN call could not be made: " + e.getMessage(),
                          "check the region, endpoint and credentials"));
                }
              },
              "mgn-agent-preflight-credentials");
      call.setDaemon(true);
      call.start();
      CheckContext context =
          new CheckContext(host, view, settings, prober, credentials, callStarted, inventory);
      List<CheckResult> results = new ArrayList<>();
      for (PreflightCheck check : inOrder()) {
        results.add(check.run(context));
      }
      return new PreflightReport(results);
    }
  }
}
