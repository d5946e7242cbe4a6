package dev.mgnagent.cli.service;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.mgn.ServiceInitialization;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.mgn.MgnClient;

/** {@code mgn-agent init-service}: seed step 1, create MGN's service roles in a region. */
@Command(
    name = "init-service",
    mixinStandardHelpOptions = true,
    description = "Initialize MGN in a region (its service roles and default replication"
        + " template), as the console's 'Reinitialize service permissions' does.")
public final class InitServiceCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin ServiceOptions service;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  public InitServiceCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ServiceOptions.Service target = service.resolve(context);
    ServiceInitialization result;
    try (MgnClient client = target.newClient();
        ServiceRoleInitializer initializer = ServiceRoleInitializer.builder().mgnClient(client).build()) {
      result = initializer.initialize();
    }
    if (json) {
      spec.commandLine().getOut().println(JsonWriter.object()
          .field("region", target.region().id())
          .field("initialized", result.complete())
          .field("replicationConfigurationTemplateIds", result.replicationConfigurationTemplateIds())
          .field("credentials", target.credentials().description())
          .field("summary", result.summary())
          .toJson());
    } else {
      spec.commandLine().getOut().println(result.summary());
      spec.commandLine().getOut().println("credentials: " + target.credentials().description());
    }
    return result.complete() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
