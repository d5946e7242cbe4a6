package dev.mgnagent.testkit.mgn.internal;

import dev.mgnagent.testkit.aws.internal.Percent;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.MgnRequest;

/** Maps a method and a raw path to the operation the fake implements. */
public final class Routes {

  /**
   * A matched operation.
   *
   * @param operation the operation name, which is also its IAM action after {@code mgn:}
   * @param handler the handler
   * @param pathParameter the decoded {@code {resourceArn}} for the tag operations, else null
   */
  public record Route(String operation, Operation handler, String pathParameter) {}

  /** Every operation of the real MGN API, read from the SDK's client interface. */
  static final Set<String> REAL_OPERATIONS = realOperations();

  /** The fake's own registration endpoint for the fake installer (not an MGN API). */
  public static final String REGISTER_AGENT_PATH = "/fake-agent/RegisterAgentForMgn";

  /** The fake installer's credential check before it installs anything (not an MGN API). */
  public static final String AGENT_ASSETS_PATH = "/fake-agent/GetAgentInstallationAssetsForMgn";

  private final Map<String, Operation> posts;
  private final TagOperations tags;
  private final AgentOperations agents;

  public Routes(MgnState state) {
    ServiceOperations service = new ServiceOperations(state);
    SourceServerOperations servers = new SourceServerOperations(state);
    this.tags = new TagOperations(state);
    this.agents = new AgentOperations(state);
    TemplateOperations templates = new TemplateOperations(state);
    this.posts =
        Map.ofEntries(
            Map.entry("CreateReplicationConfigurationTemplate", templates::createReplication),
            Map.entry("UpdateReplicationConfigurationTemplate", templates::updateReplication),
            Map.entry("CreateLaunchConfigurationTemplate", templates::createLaunch),
            Map.entry("DescribeLaunchConfigurationTemplates", templates::describeLaunch),
            Map.entry("InitializeService", (Operation) service::initialize),
            Map.entry("DescribeReplicationConfigurationTemplates", service::describeTemplates),
            Map.entry("GetReplicationConfiguration", service::replicationConfiguration),
            Map.entry("DescribeSourceServers", servers::describe),
            Map.entry("DisconnectFromService", servers::disconnect),
            Map.entry("MarkAsArchived", servers::markAsArchived),
            Map.entry("DeleteSourceServer", servers::delete),
            Map.entry("StartReplication", servers::startReplication));
  }

  /** The names of the operations this fake implements. */
  public Set<String> supported() {
    Set<String> names = new TreeSet<>(posts.keySet());
    names.addAll(Set.of("TagResource", "UntagResource", "ListTagsForResource"));
    return names;
  }

  /**
   * The route for this request; throws {@code UnknownOperationException} (404) for anything MGN
   * does not have, and a {@code ValidationException} naming the operation for a real MGN operation
   * that this fake does not support yet.
   */
  public Route match(String method, String rawPath) {
    if (rawPath.equals(AGENT_ASSETS_PATH)) {
      if (method.equals("POST")) {
        return new Route("GetAgentInstallationAssetsForMgn", agents::assets, null);
      }
      throw MgnError.unknownOperation(method, rawPath);
    }
    if (rawPath.equals(REGISTER_AGENT_PATH)) {
      if (method.equals("POST")) {
        return new Route("RegisterAgentForMgn", agents::register, null);
      }
      throw MgnError.unknownOperation(method, rawPath);
    }
    if (rawPath.startsWith("/tags/")) {
      String segment = rawPath.substring("/tags/".length());
      if (!segment.isEmpty() && segment.indexOf('/') < 0) {
        String arn;
        try {
          arn = Percent.decode(segment);
        } catch (IllegalArgumentException e) {
          throw MgnError.validation(
              "cannotParse", "resourceArn", "resourceArn is not validly percent-encoded.");
        }
        switch (method) {
          case "GET":
            return new Route("ListTagsForResource", tags::list, arn);
          case "POST":
            return new Route("TagResource", tags::tag, arn);
          case "DELETE":
            return new Route("UntagResource", tags::untag, arn);
          default:
            break;
        }
      }
      throw MgnError.unknownOperation(method, rawPath);
    }
    String name = rawPath.length() > 1 ? rawPath.substring(1) : "";
    Operation handler = posts.get(name);
    if (handler != null && method.equals("POST")) {
      return new Route(name, handler, null);
    }
    if (handler == null && method.equals("POST") && REAL_OPERATIONS.contains(name)) {
      throw MgnError.validation(
          "unknownOperation",
          null,
          name
              + " is a real MGN operation that "
              + "the fake MGN of mgn-agent-testkit does not support yet. Supported: "
              + supported());
    }
    throw MgnError.unknownOperation(method, rawPath);
  }

  private static Set<String> realOperations() {
    Set<String> names = new TreeSet<>();
    for (Method m : MgnClient.class.getMethods()) {
      if (m.getParameterCount() == 1
          && MgnRequest.class.isAssignableFrom(m.getParameterTypes()[0])
          && !m.getName().endsWith("Paginator")) {
        String request = m.getParameterTypes()[0].getSimpleName();
        names.add(request.substring(0, request.length() - "Request".length()));
      }
    }
    return names;
  }
}
