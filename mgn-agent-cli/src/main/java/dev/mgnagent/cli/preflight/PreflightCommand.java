package dev.mgnagent.cli.preflight;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.preflight.PreflightReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mgn-agent preflight}: checks this server against MGN's installation requirements. */
@Command(
    name = "preflight",
    mixinStandardHelpOptions = true,
    description = {
      "Check this server against MGN's installation requirements before installing: privileges,"
          + " OS, space, memory, tools, boot, other agents, disks, network and credentials.",
      "Nothing is installed or changed. Exit code 0 when no check FAILs, 1 otherwise."
    })
public final class PreflightCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(names = "--region", paramLabel = "REGION",
      description = "The AWS region to install into; enables the network and credentials checks.")
  String region;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "An MGN endpoint other than the regional one (PrivateLink).")
  String endpoint;

  @Option(names = "--s3-endpoint", paramLabel = "URL",
      description = "An S3 endpoint (VPC endpoint) to probe instead of the public buckets.")
  String s3Endpoint;

  @Option(names = "--replication-server", paramLabel = "HOST",
      description = "A replication server (staging subnet) to probe on TCP 1500.")
  String replicationServer;

  @Option(names = "--flavor", paramLabel = "FLAVOR", defaultValue = "binary",
      description = "The installer that will run: binary (default) or python.")
  String flavor;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "Check these credentials (a profile of the AWS files) against MGN.")
  String profile;

  @Option(names = "--host-root", paramLabel = "DIR",
      description = "Read the host's files under DIR (a copy or a fake tree); commands and free"
          + " space are then not checked.")
  Path hostRoot;

  @Option(names = "--json", description = "Print one JSON document instead of a table.")
  boolean json;

  public PreflightCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PreflightRequest request = new PreflightRequest(region, endpoint, s3Endpoint,
        replicationServer, flavor, profile, hostRoot);
    Preflight.Builder builder = request.toBuilder(context.environment());
    LocalHost host = hostRoot == null ? LocalHost.create()
        : LocalHost.rootedAt(request.checkedHostRoot());
    builder.host(host.withEnvironment(context.environment()));
    PreflightReport report = builder.build().run();
    if (json) {
      spec.commandLine().getOut().println(PreflightView.json(report));
    } else {
      boolean colour = System.console() != null && !context.environment().containsKey("NO_COLOR");
      spec.commandLine().getOut().print(PreflightView.table(report, colour));
    }
    return report.hasFailures() ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
