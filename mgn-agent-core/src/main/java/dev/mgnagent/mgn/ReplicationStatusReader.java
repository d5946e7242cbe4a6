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

  /**
   * The servers {@code filter} selects, MGN doing the filtering. This default reads by ID and
   * filters the lifecycle and archived flag itself (it cannot see the replication type); the reader
   * over an MGN client passes every filter to {@code DescribeSourceServers}.
   *
   * @throws MgnServiceException when MGN refuses or cannot be reached
   */
  default List<ServerReplicationStatus> read(ServerFilter filter) {
    if (!filter.replicationTypes().isEmpty()) {
      throw new UnsupportedOperationException("this reader cannot filter by replication type");
    }
    return read(filter.ids()).stream().filter(filter::matches).toList();
  }
}
