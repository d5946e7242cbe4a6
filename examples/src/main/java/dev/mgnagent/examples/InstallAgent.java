package dev.mgnagent.examples;

import dev.mgnagent.Secret;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole installation through the library: a migration tool onboarding one server. Here
 * everything runs against the testkit (a fake host, a fake MGN, the fake installer in a fake
 * bucket), so it needs no AWS account and changes nothing; against AWS, drop the endpoints and
 * pass your region and credentials.
 */
public final class InstallAgent {

  private InstallAgent() {}

  public static void main(String[] args) throws Exception {
    Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("install-agent");
    Path host = FakeBlockDeviceScenarios.nitroNvme().writeTo(work.resolve("host"));
    try (FakeMgn mgn = FakeMgn.builder().region("eu-west-3").build().start()) {
      FakeInstaller installer = FakeInstaller.builder().installRoot(work.resolve("installed"))
          .hostRoot(host).mgnEndpoint(mgn.endpoint()).build();
      try (FakeInstallerBucket bucket = FakeInstallerBucket.builder().region("eu-west-3")
          .installer(InstallerFlavor.BINARY, installer.launcher(InstallerFlavor.BINARY)).start()) {

        // snippet:library-install
        InstallationResult result = AgentInstallation.builder()
            .host(LocalHost.rootedAt(host))
            .workDirectory(Files.createDirectories(work.resolve("download")))
            .eventListener(event -> {
              if (event instanceof InstallStepFinished step) {
                System.out.println(step.step() + ": " + step.summary());
              }
            })
            .build()
            .install(InstallRequest.builder("eu-west-3")
                .accessKeyId(mgn.adminCredentials().accessKeyId())
                .secretAccessKey(Secret.of(mgn.adminCredentials().secretAccessKey()))
                .endpoint(mgn.endpoint())
                .s3Endpoint(bucket.endpoint())
                .devices("/dev/sdf")
                .tags(Map.of("app", "billing"))
                .initializeService(true)
                .noPrompt(true)
                .build());
        // end-snippet

        System.out.println("source server " + result.sourceServerId()
            + " replicates " + result.registeredDisks());
      }
    }
  }
}
