package dev.mgnagent.examples;

import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.ServiceInitialization;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.util.List;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Seed step 1 and a look at the source servers: initializes MGN in a region, then prints every
 * server's replication state. Runs against the testkit's fake MGN, so it needs no AWS account; with
 * a real account, build the {@link MgnClient} with your region and credentials instead.
 */
public final class InitializeAndStatus {

  private InitializeAndStatus() {}

  public static void main(String[] args) {
    try (FakeMgn mgn = FakeMgn.builder().region("eu-west-3").build().start();
        MgnClient client = mgn.newClient()) {
      mgn.addSourceServer(s -> s.hostname("app-1").disk("/dev/nvme0n1", 8L << 30, 2L << 30));

      try (ServiceRoleInitializer initializer =
          ServiceRoleInitializer.builder().mgnClient(client).build()) {
        ServiceInitialization result = initializer.initialize();
        System.out.println(result.summary());
      }

      List<ServerReplicationStatus> servers = ReplicationStatusReader.of(client).read(List.of());
      for (ServerReplicationStatus server : servers) {
        System.out.printf("%s %s %s %d/%d bytes%n", server.hostname().orElse("?"),
            server.replicationState().orElse("-"), server.lifecycleState().orElse("-"),
            server.replicatedBytes(), server.totalBytes());
      }
    }
  }
}
