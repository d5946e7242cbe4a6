package dev.mgnagent.examples;

import dev.mgnagent.Tags;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.nio.file.Path;

/**
 * The whole installation through the library: a migration tool onboarding one server. Here
 * everything runs against the testkit's {@link MgnSandbox} (a fake host, a fake MGN, the fake
 * installer in a fake bucket), so it needs no AWS account and changes nothing; against AWS, drop
 * the endpoints and pass your region and credentials. The optional argument is the work directory
 * (kept); without it the sandbox uses a temporary one and deletes it.
 */
public final class InstallAgent {

  private InstallAgent() {}

  public static void main(String[] args) throws Exception {
    MgnSandbox.Builder fakes =
        MgnSandbox.builder()
            .region("eu-west-3")
            .host(FakeBlockDeviceScenarios.nitroNvme())
            .flavors(InstallerFlavor.BINARY);
    if (args.length > 0) {
      fakes.workDirectory(Path.of(args[0]));
    }
    try (MgnSandbox sandbox = fakes.build().start()) {
      // against AWS: InstallRequest.builder().region(Region.EU_WEST_3).accessKeyId(...)
      //     .secretAccessKey(Secret.of(...)); the sandbox fills in its keys and endpoints
      InstallRequest.Builder request = sandbox.installRequest();

      // snippet:library-install
      InstallationResult result =
          AgentInstallation.builder()
              .host(sandbox.host())
              .workDirectory(sandbox.downloadDirectory())
              .eventListener(
                  event -> {
                    if (event instanceof InstallStepFinished step) {
                      System.out.println(step.step() + ": " + step.summary());
                    }
                  })
              .build()
              .install(
                  request
                      .devices("/dev/sdf")
                      .tags(Tags.builder().add("app", "billing").build())
                      .initializeService(true)
                      .build());
      // end-snippet

      System.out.println(
          "source server " + result.sourceServerId() + " replicates " + result.registeredDisks());
    }
  }
}
