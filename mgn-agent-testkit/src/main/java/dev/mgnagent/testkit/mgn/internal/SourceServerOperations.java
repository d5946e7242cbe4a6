package dev.mgnagent.testkit.mgn.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.mgn.model.DescribeSourceServersResponse;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.ReplicationType;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * {@code DescribeSourceServers}, {@code DisconnectFromService}, {@code MarkAsArchived}, {@code
 * DeleteSourceServer} and {@code StartReplication}.
 */
final class SourceServerOperations {
  private final MgnState state;

  public SourceServerOperations(MgnState state) {
    this.state = state;
  }

  /** {@code POST /DescribeSourceServers}: filters, {@code maxResults} 1-1000, paging. */
  public Reply describe(Call call) {
    ObjectNode body = call.body();
    int maxResults = Fields.maxResults(body, 1000);
    JsonNode filters = body.get("filters");
    if (filters != null && !filters.isNull() && !filters.isObject()) {
      throw MgnError.cannotParse("filters must be an object.");
    }
    Predicate<SourceServer> filter = filter(filters);
    Set<String> ids = ids(filters);
    // with IDs given, only those servers are looked at (and brought up to date)
    List<SourceServer> matching = ids == null ? state.servers(filter) : state.servers(ids, filter);
    Fields.Page<SourceServer> page = Fields.page(matching, body, maxResults);
    DescribeSourceServersResponse response =
        DescribeSourceServersResponse.builder()
            .items(page.items())
            .nextToken(page.nextToken())
            .build();
    return Reply.json(WireJson.toJson(response));
  }

  /** The {@code sourceServerIDs} filter (as {@link #filter} reads it), or null without one. */
  private static Set<String> ids(JsonNode filters) {
    List<String> ids =
        Fields.strings(
            filters, "sourceServerIDs", "filters.sourceServerIDs", 200, Fields.SOURCE_SERVER_ID);
    return ids == null ? null : new HashSet<>(ids);
  }

  private static Predicate<SourceServer> filter(JsonNode filters) {
    List<String> ids =
        Fields.strings(
            filters, "sourceServerIDs", "filters.sourceServerIDs", 200, Fields.SOURCE_SERVER_ID);
    List<String> lifeCycles =
        Fields.strings(filters, "lifeCycleStates", "filters.lifeCycleStates", 10, null);
    List<String> types =
        Fields.strings(filters, "replicationTypes", "filters.replicationTypes", 2, null);
    List<String> applications =
        Fields.strings(
            filters, "applicationIDs", "filters.applicationIDs", 200, Fields.APPLICATION_ID);
    checkEnum(lifeCycles, "filters.lifeCycleStates", LifeCycleState.knownValues());
    checkEnum(types, "filters.replicationTypes", ReplicationType.knownValues());
    JsonNode archivedNode = filters == null ? null : filters.get("isArchived");
    if (archivedNode != null && !archivedNode.isNull() && !archivedNode.isBoolean()) {
      throw MgnError.cannotParse("filters.isArchived must be a boolean.");
    }
    Boolean archived =
        archivedNode == null || archivedNode.isNull() ? null : archivedNode.asBoolean();
    Set<String> idSet = ids == null ? null : new HashSet<>(ids);
    return s ->
        (idSet == null || idSet.contains(s.sourceServerID()))
            && (archived == null || archived.equals(Boolean.TRUE.equals(s.isArchived())))
            && (lifeCycles == null
                || lifeCycles.isEmpty()
                || lifeCycles.contains(s.lifeCycle().stateAsString()))
            && (types == null || types.isEmpty() || types.contains(s.replicationTypeAsString()))
            && (applications == null
                || applications.isEmpty()
                || applications.contains(s.applicationID()));
  }

  private static <E extends Enum<E>> void checkEnum(
      List<String> values, String path, Set<E> known) {
    if (values == null) {
      return;
    }
    for (String v : values) {
      if (known.stream().noneMatch(k -> k.toString().equals(v))) {
        throw MgnError.invalidField(path, v, "Member must satisfy enum value set: " + known);
      }
    }
  }

  /** {@code POST /DisconnectFromService}. */
  public Reply disconnect(Call call) {
    return Reply.json(WireJson.toJson(state.disconnect(Fields.sourceServerId(call.body()))));
  }

  /** {@code POST /MarkAsArchived}. */
  public Reply markAsArchived(Call call) {
    return Reply.json(WireJson.toJson(state.archive(Fields.sourceServerId(call.body()))));
  }

  /** {@code POST /DeleteSourceServer}: 204. */
  public Reply delete(Call call) {
    state.delete(Fields.sourceServerId(call.body()));
    return Reply.empty(204);
  }

  /** {@code POST /StartReplication}. */
  public Reply startReplication(Call call) {
    return Reply.json(WireJson.toJson(state.startReplication(Fields.sourceServerId(call.body()))));
  }
}
