package dev.mgnagent.preflight.internal;

import dev.mgnagent.preflight.internal.PreflightCheck.Verdict;
import java.util.List;
import java.util.Optional;

/** TCP 443 to MGN and the buckets, TCP 1500 to a replication server, the proxy (facts 3, 8). */
final class NetworkChecks {

  private NetworkChecks() {}

  static List<PreflightCheck> all() {
    return List.of(
        PreflightCheck.of(
            ProbePlan.MGN,
            "TCP 443 to MGN",
            c ->
                probes(
                    c.probes(ProbePlan.MGN),
                    "no region or endpoint given, so there is" + " no MGN endpoint to probe",
                    "allow outbound TCP 443 to the MGN endpoint"
                        + " (firewall, security group, NACL, proxy); the installer otherwise fails with"
                        + " 'urlopen error ... Connection times out'")),
        PreflightCheck.of(
            ProbePlan.S3,
            "TCP 443 to the S3 buckets",
            c ->
                probes(
                    c.probes(ProbePlan.S3),
                    "no region or s3Endpoint given, so there are" + " no buckets to probe",
                    "allow outbound TCP 443 to these S3 buckets (and, with an"
                        + " S3 VPC endpoint, s3:GetObject on them in its policy)")),
        PreflightCheck.of(
            ProbePlan.REPLICATION,
            "TCP 1500 to the replication server",
            c ->
                probes(
                    c.probes(ProbePlan.REPLICATION),
                    "no replicationServer given",
                    "allow outbound TCP 1500 from this server to the staging subnet (security group"
                        + " of the replication servers, NACLs, firewalls); the port cannot be changed")),
        PreflightCheck.of(
            "network.proxy",
            "https_proxy ends with /",
            c ->
                proxy(
                    Optional.ofNullable(c.host().environment().get("https_proxy"))
                        .or(
                            () ->
                                Optional.ofNullable(c.host().environment().get("HTTPS_PROXY"))))));
  }

  static Verdict probes(List<ProbeResult> results, String skippedWhy, String remedy) {
    if (results.isEmpty()) {
      return Verdict.skipped(skippedWhy);
    }
    List<ProbeResult> failed = results.stream().filter(r -> !r.connected()).toList();
    if (failed.isEmpty()) {
      return Verdict.pass(
          "connected to "
              + String.join(", ", results.stream().map(r -> r.target().address()).toList()));
    }
    return Verdict.fail(
        failed.size()
            + " of "
            + results.size()
            + " unreachable: "
            + String.join(
                "; ", failed.stream().map(r -> r.target().address() + " " + r.detail()).toList()),
        remedy);
  }

  static Verdict proxy(Optional<String> proxy) {
    if (proxy.isEmpty() || proxy.get().isBlank()) {
      return Verdict.pass("no https_proxy set");
    }
    if (proxy.get().endsWith("/")) {
      return Verdict.pass("https_proxy " + masked(proxy.get()));
    }
    return Verdict.fail(
        "https_proxy " + masked(proxy.get()) + " does not end with /",
        "set https_proxy="
            + masked(proxy.get())
            + "/ (the agent fails with a proxy URL without"
            + " the trailing slash)");
  }

  /** The proxy URL without a password, which must never be shown. */
  static String masked(String url) {
    return url.replaceAll("(://[^:@/]+):[^@/]*@", "$1:****@");
  }
}
