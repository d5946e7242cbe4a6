package dev.mgnagent.cli.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Secret;
import dev.mgnagent.Tags;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.SignalStop;
import dev.mgnagent.cli.options.AwsOptions;
import dev.mgnagent.cli.options.DualstackOption;
import dev.mgnagent.cli.options.FlavorOption;
import dev.mgnagent.cli.options.JsonOption;
import dev.mgnagent.cli.options.S3EndpointOption;
import dev.mgnagent.credentials.AssumeRoleMinter;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.fleet.FailureLimit;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetHostFinished;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.FleetInventory;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostConnector;
import dev.mgnagent.fleet.RunningFleet;
import dev.mgnagent.install.InstallRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mgn-agent fleet install}: the whole installation on every host of an inventory, a few at a
 * time, with a failure limit; one result line per host in {@code --results}.
 */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Install the AWS Replication Agent on every host of an inventory: per host, the whole"
          + " installation of 'mgn-agent install' runs through its connection.",
      "Exit 0 when every host is INSTALLED, 1 when any is not, 2 for an invalid request or"
          + " inventory."
    })
public final class FleetInstallCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin FleetHostOptions hosts;

  @Mixin AwsOptions aws;

  @Mixin InstallRoleOptions installRole;

  @Option(
      names = "--aws-access-key-id",
      paramLabel = "KEY_ID",
      description = "The installers' access key ID.")
  String accessKeyId;

  @Option(
      names = "--aws-secret-access-key-stdin",
      description =
          "Read the secret key from the first line of standard input and, for temporary keys, the"
              + " session token from the second.")
  boolean secretFromStdin;

  @Option(
      names = "--devices",
      paramLabel = "LIST",
      description =
          "Disks to replicate on every host without a devices column value (default: every disk).")
  String devices;

  @Option(
      names = "--tags",
      paramLabel = "KEY=VALUE",
      arity = "1..*",
      description = "Tags for every new source server (an inventory row's tags are added).")
  List<String> tags = new ArrayList<>();

  @Mixin S3EndpointOption s3;

  @Option(names = "--no-replication", description = "Install without starting replication.")
  boolean noReplication;

  @Mixin DualstackOption dualstack;

  @Mixin FlavorOption flavor;

  @Option(names = "--skip-preflight", description = "Go on even when a preflight check fails.")
  boolean skipPreflight;

  @Option(
      names = "--sha512",
      paramLabel = "HEX",
      description = "Pin the installer's SHA-512 (128 hex characters).")
  String sha512;

  @Option(
      names = "--max-failures",
      paramLabel = "N|N%",
      description =
          "Start no more hosts once more than N hosts (or N% of them) have FAILED or are"
              + " UNREACHABLE; running hosts finish, the rest are SKIPPED (default: no limit).")
  String maxFailures;

  @Option(
      names = "--results",
      paramLabel = "FILE",
      description =
          "Write one JSON line per host as it finishes: host, outcome, sourceServerId, step,"
              + " reason, remedy, durationMs.")
  Path results;

  @Mixin JsonOption json;

  @Mixin FleetOperatingOptions operating;

  @Mixin SsmOptions ssmOptions;

  public FleetInstallCommand(CliContext context) {
    this.context = context;
  }

  /** {@code fleet plan}: this command with {@code --dry-run} always on. */
  static FleetInstallCommand plan(CliContext context) {
    FleetInstallCommand plan = new FleetInstallCommand(context);
    plan.operating = new FleetOperatingOptions();
    plan.operating.plan = true;
    return plan;
  }

  @Override
  public Integer call() {
    if (ssmOptions.ssm || ssmOptions.anyGiven()) {
      return callSsm();
    }
    hosts.requireOneStdinOption(
        secretFromStdin ? List.of("--aws-secret-access-key-stdin") : List.of());
    operating.check(Optional.ofNullable(results));
    Optional<FleetInventory> selected =
        operating.hosts(
            hosts.inventory(), Optional.ofNullable(results), spec.commandLine().getErr());
    if (selected.isEmpty()) {
      return ExitCodes.OK;
    }
    FleetInventory inventory = selected.get();
    FailureLimit limit =
        maxFailures == null ? FailureLimit.none() : named("--max-failures", maxFailures);
    InstallRequest request = request();
    SshSettings ssh = hosts.ssh(context);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (operating.planOnly()) {
      FleetInstallation planned =
          FleetInstallation.builder()
              .hosts(inventory.hosts())
              .connector(connector(ssh))
              .request(request)
              .build();
      return FleetPlan.run(
          context, inventory.hosts(), ssh, hosts.parallel, planned, json.json(), out, err);
    }
    Optional<AssumeRoleMinter> minter = installRole.minter(request, context.environment());
    try (AssumeRoleMinter roleKeys = minter.orElse(null);
        ResultsFile resultsFile = results == null ? null : ResultsFile.create(results)) {
      EventListener view = operating.view(context, json.json(), out);
      EventListener listener =
          resultsFile == null
              ? view
              : view.andOn(FleetHostFinished.class, e -> resultsFile.write(e.outcome()));
      HostConnector connector = connector(ssh);
      FleetInstallation fleet =
          InstallRoleOptions.apply(FleetInstallation.builder(), Optional.ofNullable(roleKeys))
              .hosts(inventory.hosts())
              .connector(connector)
              .request(request)
              .parallel(hosts.parallel)
              .maxFailures(limit)
              .eventListener(listener)
              // the download and the AWS calls run here: this machine's proxy variables route them
              .localEnvironment(context.environment())
              .build();
      // the handlers are in place before the first host starts: a signal always cancels
      AtomicReference<RunningFleet> started = new AtomicReference<>();
      AtomicBoolean stop = new AtomicBoolean();
      try (SignalStop signals =
          SignalStop.on(
              () -> {
                stop.set(true);
                RunningFleet running = started.get();
                if (running != null) {
                  running.cancel();
                }
              })) {
        RunningFleet running = fleet.start();
        started.set(running);
        if (stop.get()) {
          running.cancel();
        }
        FleetResult result = await(running);
        if (view instanceof FleetLiveView live) {
          live.finish();
        }
        if (json.json()) {
          FleetJson.result(out, result);
        } else {
          FleetLines.summary(out, result);
        }
        if (signals.received().isPresent()) {
          err.println(
              signals.line(
                  "no new host started; the running hosts' installations were stopped and are"
                      + " CANCELLED"));
          return signals.exitCode();
        }
        return result.allInstalled() ? ExitCodes.OK : ExitCodes.FAILED;
      }
    }
  }

  /** The {@code --ssm} path: Systems Manager Run Command instead of SSH. */
  private Integer callSsm() {
    if (!ssmOptions.ssm) {
      throw new InvalidRequestException(
          "--ssm", "--instance-ids, --targets and the other SSM options need --ssm");
    }
    operating.check(Optional.ofNullable(results));
    if (operating.retryFailed != null) {
      if (ssmOptions.instanceIds.isEmpty()) {
        throw new InvalidRequestException(
            "--retry-failed",
            "--retry-failed with --ssm needs the nodes of the earlier run as --instance-ids");
      }
      FleetInventory nodes =
          FleetInventory.of(ssmOptions.instanceIds.stream().map(FleetHost::of).toList());
      Optional<FleetInventory> selected =
          operating.hosts(nodes, Optional.ofNullable(results), spec.commandLine().getErr());
      if (selected.isEmpty()) {
        return ExitCodes.OK;
      }
      ssmOptions.instanceIds =
          new ArrayList<>(selected.get().hosts().stream().map(FleetHost::address).toList());
    }
    FailureLimit limit =
        maxFailures == null ? FailureLimit.none() : named("--max-failures", maxFailures);
    InstallRequest request = request();
    Optional<AssumeRoleMinter> minter = installRole.minter(request, context.environment());
    try (AssumeRoleMinter roleKeys = minter.orElse(null)) {
      return new SsmFleetRun(
              context,
              ssmOptions,
              request,
              hosts.parallel,
              limit,
              aws.profile(),
              Optional.ofNullable(results),
              json.json(),
              Optional.ofNullable(roleKeys),
              operating.planOnly())
          .run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  private HostConnector connector(SshSettings ssh) {
    return SshConnector.forContext(context, ssh);
  }

  private static FleetResult await(RunningFleet running) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return running.await();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static FailureLimit named(String flag, String value) {
    try {
      return FailureLimit.parse(value);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(flag, flag + ": " + e.getMessage());
    }
  }

  /** The request every host shares; the operator is never asked (many hosts run at once). */
  private InstallRequest request() {
    String region =
        aws.region()
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "--region", "--region is required for fleet install (such as us-east-1)"));
    InstallRequest.Builder builder =
        InstallRequest.builder()
            .region(AwsOptions.checkedRegion(region))
            .noPrompt(true)
            .tags(Tags.parse(tags))
            .noReplication(noReplication)
            .dualstack(dualstack.dualstack())
            .flavor(flavor.flavor())
            .skipPreflight(skipPreflight);
    if (accessKeyId != null) {
      builder.accessKeyId(accessKeyId);
    }
    if (secretFromStdin) {
      List<String> lines = secretLines();
      builder.secretAccessKey(Secret.of(lines.get(0)));
      if (lines.size() == 2) {
        builder.sessionToken(Secret.of(lines.get(1)));
      }
    }
    aws.profile().ifPresent(builder::profile);
    if (sha512 != null) {
      builder.installerSha512(sha512);
    }
    if (devices != null) {
      builder.devices(devices);
    }
    aws.endpoint(region).ifPresent(builder::endpoint);
    s3.endpoint(region).ifPresent(builder::s3Endpoint);
    return builder.build();
  }

  private static List<String> secretLines() {
    byte[] input;
    try {
      input = System.in.readNBytes(16 * 1024 + 1);
    } catch (java.io.IOException e) {
      throw new InvalidRequestException(
          "--aws-secret-access-key-stdin", "cannot read standard input: " + e.getMessage());
    }
    List<String> lines =
        new String(input, java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    if (input.length > 16 * 1024 || lines.isEmpty() || lines.size() > 2) {
      throw new InvalidRequestException(
          "--aws-secret-access-key-stdin",
          "standard input must hold the secret key on one line and, for temporary keys, the"
              + " session token on a second");
    }
    return lines;
  }
}
