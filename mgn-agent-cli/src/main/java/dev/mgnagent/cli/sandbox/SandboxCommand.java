package dev.mgnagent.cli.sandbox;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Regions;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.SignalStop;
import dev.mgnagent.cli.output.JsonWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * {@code mgn-agent sandbox}: serves the testkit's fake MGN and fake installer bucket on loopback
 * for other tools, until stdin closes or a signal arrives.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a fake MGN (uninitialized) with fake IAM, STS and EC2, and a fake installer bucket (with the fake installer,"
          + " which reads this host's disks and installs into a temporary directory) on"
          + " 127.0.0.1 for tests.",
      "Registered servers replicate on a clock 60 times as fast as the wall clock: any"
          + " simulated initial sync ends within about 10 seconds.",
      "Prints one JSON line (region, mgnEndpoint, s3Endpoint, iamEndpoint, ec2Endpoint,"
          + " stsEndpoint, accessKeyId, secretAccessKey), then"
          + " serves until stdin closes or SIGTERM/SIGINT (only a signal when stdin is closed or"
          + " /dev/null at start)."
    })
public final class SandboxCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      defaultValue = "us-east-1",
      description = "The region the fakes pretend to be (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--ssm-instances",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Also serve a fake Systems Manager with N managed instances (fake Linux hosts whose"
              + " commands run as local processes) and print ssmEndpoint, ssmInstanceIds and"
              + " temporary install keys (installAccessKeyId, installSecretAccessKey,"
              + " installSessionToken) that the fake MGN accepts.")
  int ssmInstances;

  @Override
  public Integer call() throws InterruptedException {
    Regions.requireWellFormed("--region", region);
    CountDownLatch stop = new CountDownLatch(1);
    SignalStop signals = SignalStop.on(stop::countDown);
    if (ssmInstances < 0 || ssmInstances > 1000) {
      throw new InvalidRequestException(
          "--ssm-instances", "--ssm-instances " + ssmInstances + ": give 0 to 1000 instances");
    }
    try (signals;
        SandboxServers sandbox = SandboxServers.start(region, Path.of("/"));
        SandboxSsm ssm = SandboxSsm.start(sandbox, region, ssmInstances)) {
      AwsBasicCredentials keys = sandbox.mgn().adminCredentials();
      JsonWriter line =
          JsonWriter.object()
              .field("region", region)
              .field("mgnEndpoint", sandbox.mgn().endpoint().toString())
              .field("s3Endpoint", sandbox.bucket().endpoint().toString())
              .field("iamEndpoint", sandbox.iam().endpoint().toString())
              .field("ec2Endpoint", sandbox.ec2().endpoint().toString())
              .field("stsEndpoint", sandbox.sts().endpoint().toString())
              .field("accessKeyId", keys.accessKeyId())
              .field("secretAccessKey", keys.secretAccessKey());
      ssm.describe(line);
      spec.commandLine()
          .getOut()
          .println(
              line
                  // an installer from plain http needs a pinned digest: these are the ones served
                  // here
                  .beginObject("installerSha512")
                  .field(
                      "binary",
                      java.util.Optional.ofNullable(
                          sandbox.bucket().sha512(dev.mgnagent.installer.InstallerFlavor.BINARY)))
                  .field(
                      "python",
                      java.util.Optional.ofNullable(
                          sandbox.bucket().sha512(dev.mgnagent.installer.InstallerFlavor.PYTHON)))
                  .endObject()
                  .toJson());
      spec.commandLine().getOut().flush();
      StdinWatcher.stopWhenClosed(stop);
      stop.await();
    } // the sandbox's fakes are stopped and its directory deleted here, before the exit
    if (signals.received().isPresent()) {
      spec.commandLine()
          .getErr()
          .println(signals.line("stopped the sandbox and removed its directory"));
      return signals.exitCode();
    }
    return ExitCodes.OK;
  }
}
