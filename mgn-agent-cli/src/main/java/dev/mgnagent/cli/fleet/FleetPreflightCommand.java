package dev.mgnagent.cli.fleet;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.options.AwsOptions;
import dev.mgnagent.cli.options.FlavorOption;
import dev.mgnagent.cli.options.JsonOption;
import dev.mgnagent.cli.options.S3EndpointOption;
import dev.mgnagent.cli.preflight.PreflightView;
import dev.mgnagent.fleet.HostReport;
import dev.mgnagent.fleet.InspectionStatus;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.preflight.PreflightReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mgn-agent fleet preflight}: the preflight checks on every host of an inventory. */
@Command(
    name = "preflight",
    mixinStandardHelpOptions = true,
    description = {
      "Check every host of an inventory against MGN's installation requirements; nothing is"
          + " changed.",
      "Exit 0 when every host was checked and none fails a check, 1 otherwise."
    })
public final class FleetPreflightCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin FleetHostOptions hosts;

  @Mixin AwsOptions aws;

  @Mixin S3EndpointOption s3;

  @Mixin FlavorOption flavor;

  @Mixin JsonOption json;

  public FleetPreflightCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    hosts.requireOneStdinOption(List.of());
    String region = aws.region().orElse(null);
    if (region != null) {
      AwsOptions.checkedRegion(region);
    }
    int[] exitCode = {ExitCodes.OK};
    List<HostReport<PreflightReport>> reports =
        FleetReports.run(
            context,
            hosts,
            (fleetHost, host) -> {
              Preflight.Builder builder = Preflight.builder().host(host).flavor(flavor.flavor());
              if (region != null) {
                builder.region(AwsOptions.checkedRegion(region));
                aws.endpoint(region).ifPresent(builder::endpoint);
                s3.endpoint(region).ifPresent(builder::s3Endpoint);
              }
              return builder.build().run();
            },
            json.json(),
            report -> PreflightView.table(report, false),
            PreflightView::json,
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            exitCode);
    if (reports == null) {
      return exitCode[0];
    }
    boolean allPassed =
        reports.stream()
            .allMatch(
                r -> r.status() == InspectionStatus.DONE && !r.value().orElseThrow().hasFailures());
    return allPassed ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
