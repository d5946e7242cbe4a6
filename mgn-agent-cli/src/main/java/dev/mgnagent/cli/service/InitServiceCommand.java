package dev.mgnagent.cli.service;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.options.JsonOption;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.mgn.InitializationPart;
import dev.mgnagent.mgn.InitializationReport;
import dev.mgnagent.mgn.ServiceInitialization;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * {@code mgn-agent init-service}: initializes MGN in a region as the MGN user guide documents it
 * for the API, or with {@code --check} reports each part without changing anything.
 */
@Command(
    name = "init-service",
    mixinStandardHelpOptions = true,
    description = {
      "Initialize MGN in a region as AWS documents it for the API: the service roles (IAM), then"
          + " InitializeService (service-linked role, instance profiles), then a replication and"
          + " a launch configuration template with the console's defaults. Creates only what is"
          + " missing and prints what it created.",
      "--check prints each part (present, missing, or unknown when these credentials may not"
          + " look), changes nothing, and exits 0 when every part is present, else 1."
    })
public final class InitServiceCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin ServiceOptions service;

  @Mixin InitializationOptions initialization;

  @Option(
      names = "--check",
      description = "Report each part of the initialization; change nothing.")
  boolean check;

  @Mixin JsonOption json;

  public InitServiceCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ServiceOptions.Service target = service.resolve(context);
    String region = target.region().id();
    initialization.requireAlongside(target.endpoint());
    ServiceRoleInitializer.Builder b = ServiceRoleInitializer.builder();
    initialization.iam(region).ifPresent(b::iamEndpoint);
    initialization.sts(region).ifPresent(b::stsEndpoint);
    initialization.ec2(region).ifPresent(b::ec2Endpoint);
    initialization.stagingSubnet().ifPresent(b::stagingSubnetId);
    try (MgnClient client = target.newClient();
        ServiceRoleInitializer initializer =
            b.mgnClient(client).credentialsProvider(target.credentials().provider()).build()) {
      if (check) {
        InitializationReport report = initializer.inspect();
        return render(
            target,
            report,
            List.of(),
            report.complete()
                ? "MGN is initialized in " + region
                : "MGN is not completely initialized in "
                    + region
                    + ": run 'mgn-agent init-service"
                    + " --region "
                    + region
                    + "' with an administrator's credentials");
      }
      ServiceInitialization result = initializer.initialize();
      return render(target, result.report(), result.created(), result.summary());
    } catch (InvalidRequestException e) {
      if (e.parameter().orElse("").equals("stagingSubnetId")) {
        throw new InvalidRequestException(
            "--staging-subnet",
            e.getMessage()
                .replace("(stagingSubnetId, ", "(--staging-subnet, ")
                .replace("stagingSubnetId", "--staging-subnet"));
      }
      throw e;
    }
  }

  private int render(
      ServiceOptions.Service target,
      InitializationReport report,
      List<String> created,
      String summary) {
    PrintWriter out = spec.commandLine().getOut();
    if (json.json()) {
      JsonWriter w =
          JsonWriter.object()
              .field("region", target.region().id())
              .field("check", check)
              .field("initialized", report.complete())
              .field("created", created)
              .beginArray("parts");
      for (InitializationPart p : report.parts()) {
        w.beginObject()
            .field("name", p.name())
            .field("state", p.state().name())
            .field("detail", p.detail())
            .endObject();
      }
      out.println(
          w.endArray()
              .field("notes", report.notes())
              .field("credentials", target.credentials().description())
              .field("summary", summary)
              .toJson());
    } else {
      for (String c : created) {
        out.println("created: " + c);
      }
      for (InitializationPart p : report.parts()) {
        out.println(
            p.state().name().toLowerCase(Locale.ROOT)
                + ": "
                + p.name()
                + ": "
                + TerminalText.escape(p.detail()));
      }
      for (String note : report.notes()) {
        out.println("note: " + TerminalText.escape(note));
      }
      out.println(TerminalText.escape(summary));
      out.println("credentials: " + target.credentials().description());
    }
    return report.complete() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
