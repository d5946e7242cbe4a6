package dev.mgnagent.examples;

import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.CheckStatus;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.preflight.PreflightReport;
import dev.mgnagent.testkit.host.FakeLinuxHost;
import dev.mgnagent.testkit.host.FakeLinuxHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the preflight checks on a fake server from the testkit and prints what needs attention, the
 * way a migration tool would decide whether to go on with a server.
 *
 * <pre>
 * java dev.mgnagent.examples.RunPreflight                              # troubledUbuntu1404
 * java dev.mgnagent.examples.RunPreflight healthyRhel9 /tmp/some-empty-dir
 * </pre>
 */
public final class RunPreflight {

  private RunPreflight() {}

  public static void main(String[] args) throws IOException {
    String name = args.length > 0 ? args[0] : "troubledUbuntu1404";
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("mgn-preflight");
    FakeLinuxHost host = FakeLinuxHosts.all().get(name).get().writeTo(dir.resolve("root"));

    PreflightReport report =
        Preflight.builder().host(host).fileSystemSpace(host.space()).build().run();

    for (CheckResult check : report.checks()) {
      if (check.status() == CheckStatus.FAIL || check.status() == CheckStatus.WARN) {
        System.out.println(check.status() + " " + check.id() + ": " + check.evidence());
        System.out.println("  fix: " + check.remedy());
      }
    }
    System.out.println(report.hasFailures() ? "not ready to install" : "ready to install");
  }
}
