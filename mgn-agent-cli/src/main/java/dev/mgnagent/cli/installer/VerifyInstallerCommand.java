package dev.mgnagent.cli.installer;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Regions;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.SignalStop;
import dev.mgnagent.cli.options.DualstackOption;
import dev.mgnagent.cli.options.FlavorOption;
import dev.mgnagent.cli.options.JsonOption;
import dev.mgnagent.cli.options.S3EndpointOption;
import dev.mgnagent.cli.output.ProgressRenderer;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.UrlStyle;
import dev.mgnagent.installer.VerificationResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;

/**
 * {@code mgn-agent verify-installer}: downloads the region's replication-agent installer and checks
 * its SHA-512 while downloading (or checks a file already on disk with {@code --file}).
 */
@Command(
    name = "verify-installer",
    mixinStandardHelpOptions = true,
    description = {
      "Download the AWS Replication Agent installer of a region and verify its SHA-512 against the"
          + " published digest, in one pass. Nothing is kept unless it matches.",
      "Exit 0: verified; 1: mismatch or download failure (nothing left at the output path);"
          + " 2: invalid request."
    })
public final class VerifyInstallerCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  public VerifyInstallerCommand(CliContext context) {
    this.context = context;
  }

  @Option(
      names = "--region",
      required = true,
      paramLabel = "REGION",
      description = "The AWS region, such as us-east-1.")
  String region;

  @Mixin S3EndpointOption s3;

  @Mixin DualstackOption dualstack;

  @Mixin FlavorOption flavor;

  @Option(
      names = "--output",
      paramLabel = "PATH",
      description =
          "Where to write the installer (default: ./aws-replication-installer-init, or .py).")
  Path output;

  @Option(names = "--force", description = "Replace the output file if it exists.")
  boolean force;

  @Option(
      names = "--file",
      paramLabel = "PATH",
      description = "Verify this file already on disk instead of downloading; it is never changed.")
  Path file;

  @Option(
      names = "--sha512",
      paramLabel = "HEX",
      description = "Check against this digest instead of downloading the published one.")
  String sha512;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    InstallerFlavor chosen = flavor.flavor();
    InstallerLocation location = location(chosen);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    location.warnings().forEach(w -> err.println("mgn-agent: warning: " + w.message()));
    VerificationResult result;
    Thread worker = Thread.currentThread();
    // A signal interrupts this thread; the download stops at its next read and removes its
    // staging directory before the line below is printed and the JVM exits.
    try (SignalStop signals = SignalStop.on(worker::interrupt)) {
      try {
        InstallerVerifier verifier = verifier(location, err);
        result =
            file != null
                ? verifier.verifyFile(checkedFile())
                : verifier.download(checkedOutput(chosen));
      } catch (InvalidRequestException e) {
        throw e;
      } catch (RuntimeException e) {
        if (signals.received().isEmpty()) {
          throw e;
        }
        result = null;
      }
      if (signals.received().isPresent()) {
        Thread.interrupted(); // clear it: the exit must not be disturbed
        err.println(signals.line("stopped the download; removed its partial file"));
        return signals.exitCode();
      }
    }
    out.println(
        json.json()
            ? VerificationReport.json(result, chosen)
            : VerificationReport.text(result, file != null));
    return result.verified() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private InstallerVerifier verifier(InstallerLocation location, PrintWriter err) {
    Map<String, String> environment = context.environment();
    dev.mgnagent.ProxyRoute route = dev.mgnagent.ProxyRoute.fromEnvironment(environment);
    route.note().ifPresent(n -> err.println("mgn-agent: note: " + n));
    InstallerVerifier.Builder builder =
        InstallerVerifier.builder()
            .location(location)
            .replaceExisting(force)
            .proxyRoute(route)
            .eventListener(new ProgressRenderer(err, context.terminal()));
    if (sha512 != null) {
      builder.expectedSha512(sha512);
    }
    return builder.build();
  }

  private InstallerLocation location(InstallerFlavor chosen) {
    Region region = checkedRegion(); // each value first, then how they combine
    if (s3.given()) {
      if (dualstack.dualstack()) {
        throw new InvalidRequestException(
            dualstack.flag(), dualstack.flag() + " cannot be combined with --s3-endpoint");
      }
      java.net.URI endpoint = s3.endpoint("us-east-1").get();
      if ("http".equalsIgnoreCase(endpoint.getScheme()) && sha512 == null) {
        // the installer and its digest would both come unauthenticated from one port
        throw new InvalidRequestException(
            "s3Endpoint",
            "s3Endpoint "
                + endpoint
                + " is plain"
                + " http: the installer and its digest would come unauthenticated from the same"
                + " place; pin the installer's SHA-512 (installerSha512)");
      }
      return InstallerLocation.viaEndpoint(region, endpoint, chosen);
    }
    return InstallerLocation.of(
        region, chosen, dualstack.dualstack() ? UrlStyle.DUAL_STACK : UrlStyle.REGIONAL);
  }

  private Region checkedRegion() {
    return Region.of(Regions.requireWellFormed("region", region));
  }

  private Path checkedFile() {
    if (output != null || force) {
      throw new InvalidRequestException(
          "--file",
          "--file verifies a file in place; it cannot be combined with --output or --force");
    }
    return file;
  }

  private Path checkedOutput(InstallerFlavor chosen) {
    Path target = output != null ? output : Path.of(chosen.fileName());
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidRequestException(
          "--output", "--output " + target + " is a directory; give the path of the file to write");
    }
    if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidRequestException(
          "--output", "--output " + target + " already exists; use --force to replace it");
    }
    return target;
  }
}
