package dev.mgnagent.examples;

import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.ServiceInitialization;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.util.List;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Initializes MGN in a region (service roles, the service, the templates), then prints every
 * server's replication state. Runs against the testkit's sandbox (a fake MGN with its account's
 * fake IAM, STS and EC2), so it needs no AWS account; with a real account, build the {@link
 * MgnClient} with your region and credentials and leave out the IAM, STS and EC2 endpoints.
 */
public final class InitializeAndStatus {

  private InitializeAndStatus() {}

  public static void main(String[] args) {
    try (MgnSandbox sandbox = MgnSandbox.builder().region("eu-west-3").build().start();
        MgnClient client = sandbox.mgn().newClient()) {
      sandbox
          .mgn()
          .addSourceServer(s -> s.hostname("app-1").disk("/dev/nvme0n1", 8L << 30, 2L << 30));

      try (ServiceRoleInitializer initializer =
          ServiceRoleInitializer.builder()
              .mgnClient(client)
              .iamEndpoint(sandbox.iam().endpoint())
              .stsEndpoint(sandbox.sts().endpoint())
              .ec2Endpoint(sandbox.ec2().endpoint())
              .build()) {
        ServiceInitialization result = initializer.initialize();
        System.out.println(result.summary());
      }

      List<ServerReplicationStatus> servers = ReplicationStatusReader.of(client).read(List.of());
      for (ServerReplicationStatus server : servers) {
        System.out.printf(
            "%s %s %s %d/%d bytes%n",
            server.hostname().orElse("?"),
            server.replicationState().orElse("-"),
            server.lifecycleState().orElse("-"),
            server.replicatedBytes(),
            server.totalBytes());
      }
    }
  }
}
