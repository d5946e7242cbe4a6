package dev.mgnagent.mgn;

import dev.mgnagent.mgn.internal.DefaultReplicatedDisksReader;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Reads what MGN replicates for one source server, for a {@link dev.mgnagent.mgn.DiskReconciler}:
 * {@code replicatedDisks} and {@code sourceProperties.disks} from {@code DescribeSourceServers},
 * and the boot disk from {@code GetReplicationConfiguration} (skipped, with {@link
 * MgnDisks#bootDiskChecked()} false, when the credentials may not call it).
 */
public interface ReplicatedDisksReader {

  /** A reader over {@code client}, which it never closes. */
  static ReplicatedDisksReader of(MgnClient client) {
    return new DefaultReplicatedDisksReader(client);
  }

  /**
   * MGN's view of the server's disks.
   *
   * @throws MgnServiceException when the server does not exist, or MGN refuses or cannot be reached
   */
  MgnDisks read(SourceServerId id);
}
