package dev.mgnagent.cli.fleet;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.Main;
import dev.mgnagent.fleet.HostUnreachableException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test program for {@link FleetLiveViewPtyTest}: {@code fleet install} of three hosts (one a
 * sandbox's fake host, two unreachable) with this process's own stdout, so that whether it is a
 * terminal is decided as for the real CLI. Argument: a directory of its own.
 */
final class LiveViewMain {

  private LiveViewMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int code;
    try (MgnSandbox sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .host(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
            .hostname("web-1")
            .workDirectory(dir.resolve("sandbox"))
            .build()
            .start()) {
      Path inventory = Files.writeString(dir.resolve("hosts.csv"), "host\nweb-1\ngone-1\ngone-2\n");
      System.setIn(
          new ByteArrayInputStream(
              (sandbox.adminCredentials().secretAccessKey() + "\n")
                  .getBytes(StandardCharsets.UTF_8)));
      CliContext context =
          new CliContext(System.getenv())
              .withFleetConnectors(
                  settings ->
                      fleetHost -> {
                        if (fleetHost.address().equals("web-1")) {
                          return sandbox.host();
                        }
                        throw new HostUnreachableException(
                            "UNREACHABLE", "connection refused.", "Check that the host is up.");
                      });
      PrintWriter out = new PrintWriter(System.out, true);
      PrintWriter err = new PrintWriter(System.err, true);
      code =
          Main.run(
              new String[] {
                "fleet",
                "install",
                "--inventory",
                inventory.toString(),
                "--region",
                "eu-west-3",
                "--endpoint",
                sandbox.mgnEndpoint().toString(),
                "--s3-endpoint",
                sandbox.s3Endpoint().toString(),
                "--sha512",
                sandbox.sha512(InstallerFlavor.BINARY),
                "--aws-access-key-id",
                sandbox.adminCredentials().accessKeyId(),
                "--aws-secret-access-key-stdin",
                "--skip-preflight",
                "--parallel",
                "2"
              },
              out,
              err,
              context);
      out.flush();
    }
    System.exit(code);
  }
}
