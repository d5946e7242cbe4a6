package dev.mgnagent.cli.preflight;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.options.AwsOptions;
import dev.mgnagent.cli.options.FlavorOption;
import dev.mgnagent.cli.options.HostRootOption;
import dev.mgnagent.cli.options.JsonOption;
import dev.mgnagent.cli.options.S3EndpointOption;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.preflight.PreflightReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin AwsOptions aws;

  @Mixin S3EndpointOption s3;

  @Option(
      names = "--replication-server",
      paramLabel = "HOST",
      description = "A replication server (staging subnet) to probe on TCP 1500.")
  String replicationServer;

  @Mixin FlavorOption flavor;

  @Mixin HostRootOption hostRoot;

  @Mixin JsonOption json;

  public PreflightCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Preflight.Builder builder =
        new PreflightRequest(aws, s3, replicationServer, flavor.flavor())
            .toBuilder(context.environment());
    builder.host(hostRoot.host().withEnvironment(context.environment()));
    PreflightReport report = builder.build().run();
    if (json.json()) {
      spec.commandLine().getOut().println(PreflightView.json(report));
    } else {
      boolean colour = context.terminal() && !context.environment().containsKey("NO_COLOR");
      spec.commandLine().getOut().print(PreflightView.table(report, colour));
    }
    return report.hasFailures() ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
