package dev.mgnagent.mgn;

import dev.mgnagent.mgn.internal.DefaultReplicationStatusReader;
import java.util.List;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Reads source servers and their replication progress with {@code DescribeSourceServers}, paging
 * with {@code maxResults} 1000 so that N servers cost ceil(N/1000) calls.
 */
public interface ReplicationStatusReader {

  /** A reader over {@code client}, which it never closes. */
  static ReplicationStatusReader of(MgnClient client) {
    return new DefaultReplicationStatusReader(client);
  }

  /**
   * The servers with these IDs, or every non-archived server when {@code ids} is empty, in the
   * order MGN returns them.
   *
   * @throws MgnServiceException when MGN refuses or cannot be reached
   */
  List<ServerReplicationStatus> read(List<SourceServerId> ids);
}
