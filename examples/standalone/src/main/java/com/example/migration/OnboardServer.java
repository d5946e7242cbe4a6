package com.example.migration;

import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.sandbox.MgnSandbox;

/**
 * A migration tool's smallest use of mgn-agent from outside its build: onboards one server. Here
 * the server, MGN and the installer bucket are the testkit's fakes, so it needs no AWS account;
 * against AWS, build the request with your region and credentials instead.
 */
public final class OnboardServer {

  private OnboardServer() {}

  public static void main(String[] args) throws Exception {
    try (MgnSandbox sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .host(FakeBlockDeviceScenarios.nitroNvme())
            .flavors(InstallerFlavor.BINARY)
            .build()
            .start()) {
      InstallationResult result =
          AgentInstallation.builder()
              .host(sandbox.host())
              .workDirectory(sandbox.downloadDirectory())
              .build()
              .install(sandbox.installRequest().initializeService(true).build());
      if (result.sourceServerId() == null || result.registeredDisks().isEmpty()) {
        throw new IllegalStateException("the server was not onboarded: " + result);
      }
      System.out.println(
          "onboarded source server "
              + result.sourceServerId()
              + " replicating "
              + result.registeredDisks());
    }
  }
}
