package dev.mgnagent.testkit.ssm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The state of the fake Systems Manager (nodes, commands, invocations) and its operations. Every
 * method runs under this object's lock; {@link #tick()} moves invocations along their lifecycle on
 * the fake's clock, starting and watching the real processes.
 */
public final class SsmService {

  static final String DOCUMENT = "AWS-RunShellScript";
  static final String PLUGIN = "aws:runShellScript";
  static final int STDOUT_MAX = 24_000;
  static final int STDERR_MAX = 8_000;
  static final int PLUGIN_OUTPUT_MAX = 2_500;

  private static final Pattern INSTANCE_ID = Pattern.compile("i-(\\w{8}|\\w{17})|mi-\\w{17}");
  private static final Pattern RATE = Pattern.compile("([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)");
  private static final Pattern ERRORS = Pattern.compile("([1-9][0-9]*|0|[1-9][0-9]%|[0-9]%|100%)");
  private static final Set<String> PARAMETERS =
      Set.of("commands", "workingDirectory", "executionTimeout");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Settings of the fake's behaviour that are not per node. */
  public record Settings(
      String region,
      int invocationMissingLookups,
      String undeliverableStatus,
      String terminatedStatus,
      boolean sampleCommandLines) {}

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final Clock clock;
  private final Settings settings;
  private final Set<String> commandLines = new LinkedHashSet<>();
  private int running;
  private int peakRunning;

  public SsmService(Collection<Node> nodes, Clock clock, Settings settings) {
    nodes.forEach(n -> this.nodes.put(n.id(), n));
    this.clock = clock;
    this.settings = settings;
  }

  private final class Command {
    final String id = UUID.randomUUID().toString();
    final List<Invocation> invocations = new ArrayList<>();
    ObjectNode request;
    Instant requestedAt;
    int timeoutSeconds;
    int executionTimeout;
    String maxConcurrency;
    String maxErrors;
    String script;
    int rampCap = 1;
    int dispatched;
    int errors;
    boolean stopped;
    boolean cancelled;
    boolean finished;
  }

  private final class Invocation {
    final Command command;
    final Node node;
    String status = "Pending";
    String details = "Pending";
    Instant startedAt;
    Instant endedAt;
    int responseCode = -1;
    String stdout = "";
    String stderr = "";
    Process process;
    Path directory;
    int missingLookupsLeft = settings.invocationMissingLookups();

    Invocation(Command command, Node node) {
      this.command = command;
      this.node = node;
    }

    boolean terminal() {
      return !details.equals("Pending")
          && !details.equals("In Progress")
          && !details.equals("Cancelling");
    }

    void end(String status, String details) {
      this.status = status;
      this.details = details;
      this.endedAt = clock.instant();
    }
  }

  // ---------------------------------------------------------------- operations

  /** Runs {@code operation} on {@code body}; returns the answer or throws an {@link SsmError}. */
  public synchronized JsonNode call(String operation, JsonNode body) {
    if (!(body instanceof ObjectNode request)) {
      throw SsmError.of("SerializationException", "the body is not a JSON object");
    }
    switch (operation) {
      case "SendCommand":
        return sendCommand(request);
      case "ListCommands":
        return listCommands(request);
      case "ListCommandInvocations":
        return listCommandInvocations(request);
      case "GetCommandInvocation":
        return getCommandInvocation(request);
      case "CancelCommand":
        return cancelCommand(request);
      case "DescribeInstanceInformation":
        return describeInstanceInformation(request);
      default:
        throw SsmError.of(
            "UnknownOperationException", "the fake SSM does not implement " + operation);
    }
  }

  private JsonNode sendCommand(ObjectNode r) {
    String document = text(r, "DocumentName");
    if (document == null) {
      throw validation(
          "Value null at 'documentName' failed to satisfy constraint: Member must not be null");
    }
    if (!document.equals(DOCUMENT)) {
      throw SsmError.of("InvalidDocument", "Document " + document + " does not exist");
    }
    String version = text(r, "DocumentVersion");
    if (version != null && !version.matches("\\$LATEST|\\$DEFAULT|1")) {
      throw SsmError.of("InvalidDocumentVersion", "Document version " + version + " is not valid");
    }
    String comment = text(r, "Comment");
    if (comment != null && comment.length() > 100) {
      throw validation("Member 'comment' must have length less than or equal to 100");
    }
    int timeoutSeconds = 3600;
    if (r.has("TimeoutSeconds")) {
      timeoutSeconds = r.get("TimeoutSeconds").asInt();
      if (timeoutSeconds < 30 || timeoutSeconds > 2_592_000) {
        throw validation(
            "Value '"
                + timeoutSeconds
                + "' at 'timeoutSeconds' failed to satisfy constraint:"
                + " Member must have value between 30 and 2592000");
      }
    }
    String concurrency = r.has("MaxConcurrency") ? text(r, "MaxConcurrency") : "50";
    if (!RATE.matcher(concurrency).matches()) {
      throw validation(
          "Value '" + concurrency + "' at 'maxConcurrency' failed to satisfy constraint");
    }
    String maxErrors = r.has("MaxErrors") ? text(r, "MaxErrors") : "0";
    if (!ERRORS.matcher(maxErrors).matches()) {
      throw validation("Value '" + maxErrors + "' at 'maxErrors' failed to satisfy constraint");
    }
    List<String> ids = new ArrayList<>();
    boolean hasIds = r.has("InstanceIds") && r.get("InstanceIds").size() > 0;
    boolean hasTargets = r.has("Targets") && r.get("Targets").size() > 0;
    if (hasIds && hasTargets) {
      throw SsmError.of("InvalidParameters", "Specify either InstanceIds or Targets, not both");
    }
    if (!hasIds && !hasTargets) {
      throw SsmError.of("InvalidParameters", "InstanceIds or Targets must be specified");
    }
    if (hasIds) {
      if (r.get("InstanceIds").size() > 50) {
        throw validation("Member 'instanceIds' must have length less than or equal to 50");
      }
      Set<String> seen = new LinkedHashSet<>();
      for (JsonNode id : r.get("InstanceIds")) {
        String value = id.asText();
        if (!INSTANCE_ID.matcher(value).matches()) {
          throw validation("Value '" + value + "' at 'instanceIds' failed to satisfy constraint");
        }
        if (!seen.add(value)) {
          throw SsmError.of("DuplicateInstanceId", "Instance " + value + " is given twice");
        }
        ids.add(value);
      }
    } else {
      if (r.get("Targets").size() > 5) {
        throw validation("Member 'targets' must have length less than or equal to 5");
      }
      Set<String> found = new LinkedHashSet<>();
      for (JsonNode target : r.get("Targets")) {
        String key = target.path("Key").asText("");
        List<String> values = new ArrayList<>();
        target.path("Values").forEach(v -> values.add(v.asText()));
        if (values.size() > 50) {
          throw validation("Member 'values' must have length less than or equal to 50");
        }
        for (Node node : nodes.values()) {
          if (matches(node, key, values)) {
            found.add(node.id());
          }
        }
      }
      ids.addAll(found);
    }
    for (String id : ids) {
      Node node = nodes.get(id);
      if (node == null || !node.pingStatus().equals("Online")) {
        throw SsmError.of(
            "InvalidInstanceId", "Instances [[" + id + "]] not in a valid state for account");
      }
    }
    JsonNode parameters = r.path("Parameters");
    Iterator<String> names = parameters.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!PARAMETERS.contains(name)) {
        throw SsmError.of("InvalidParameters", "Parameter \"" + name + "\" is not declared");
      }
    }
    if (!parameters.has("commands") || parameters.get("commands").size() == 0) {
      throw SsmError.of("InvalidParameters", "Parameter \"commands\" is required");
    }
    int executionTimeout = 3600;
    if (parameters.has("executionTimeout")) {
      String value = parameters.get("executionTimeout").path(0).asText("");
      try {
        executionTimeout = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        executionTimeout = -1;
      }
      if (executionTimeout < 1 || executionTimeout > 172_800) {
        throw SsmError.of(
            "InvalidParameters",
            "Parameter \"executionTimeout\" value " + value + " is not between 1 and 172800");
      }
    }
    StringBuilder script = new StringBuilder();
    parameters.get("commands").forEach(c -> script.append(c.asText()).append('\n'));

    Command command = new Command();
    command.request = r.deepCopy();
    command.requestedAt = clock.instant();
    command.timeoutSeconds = timeoutSeconds;
    command.executionTimeout = executionTimeout;
    command.maxConcurrency = concurrency;
    command.maxErrors = maxErrors;
    command.script = script.toString();
    for (String id : ids) {
      command.invocations.add(new Invocation(command, nodes.get(id)));
    }
    commands.put(command.id, command);
    ObjectNode answer = JSON.createObjectNode();
    answer.set("Command", commandJson(command));
    return answer;
  }

  private static boolean matches(Node node, String key, List<String> values) {
    if (key.equals("InstanceIds")) {
      return values.contains(node.id());
    }
    if (key.startsWith("tag:")) {
      String value = node.info().tags().get(key.substring(4));
      return value != null && values.contains(value);
    }
    if (key.equals("tag-key")) {
      return values.stream().anyMatch(v -> node.info().tags().containsKey(v));
    }
    return false;
  }

  private JsonNode listCommands(ObjectNode r) {
    String id = text(r, "CommandId");
    ArrayNode list = JSON.createArrayNode();
    if (id != null) {
      Command c = commands.get(id);
      if (c == null) {
        throw SsmError.of("InvalidCommandId", "Command ID " + id + " is not valid");
      }
      list.add(commandJson(c));
    } else {
      commands.values().forEach(c -> list.add(commandJson(c)));
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.set("Commands", list);
    return answer;
  }

  private JsonNode listCommandInvocations(ObjectNode r) {
    int max = r.has("MaxResults") ? r.get("MaxResults").asInt() : 50;
    if (max < 1 || max > 50) {
      throw validation("Value '" + max + "' at 'maxResults' failed to satisfy constraint");
    }
    if (r.has("Filters")) {
      for (JsonNode f : r.get("Filters")) {
        String key = f.path("key").asText("");
        if (!Set.of("InvokedAfter", "InvokedBefore", "Status", "ExecutionStage", "DocumentName")
            .contains(key)) {
          throw SsmError.of("InvalidFilterKey", "Filter key " + key + " is not valid");
        }
      }
    }
    String commandId = text(r, "CommandId");
    String instanceId = text(r, "InstanceId");
    List<Invocation> all = new ArrayList<>();
    if (commandId != null) {
      Command c = commands.get(commandId);
      if (c == null) {
        throw SsmError.of("InvalidCommandId", "Command ID " + commandId + " is not valid");
      }
      all.addAll(c.invocations);
    } else {
      commands.values().forEach(c -> all.addAll(c.invocations));
    }
    if (instanceId != null) {
      all.removeIf(i -> !i.node.id().equals(instanceId));
    }
    int from = offset(text(r, "NextToken"), all.size());
    boolean details = r.path("Details").asBoolean(false);
    ArrayNode list = JSON.createArrayNode();
    int to = Math.min(all.size(), from + max);
    for (Invocation i : all.subList(from, to)) {
      list.add(invocationJson(i, details));
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.set("CommandInvocations", list);
    if (to < all.size()) {
      answer.put("NextToken", token(to));
    }
    return answer;
  }

  private JsonNode getCommandInvocation(ObjectNode r) {
    String commandId = text(r, "CommandId");
    String instanceId = text(r, "InstanceId");
    if (commandId == null || instanceId == null) {
      throw validation("CommandId and InstanceId are required");
    }
    if (commandId.length() != 36) {
      throw validation("Member 'commandId' must have length 36");
    }
    Command c = commands.get(commandId);
    if (c == null) {
      throw SsmError.of("InvalidCommandId", "Command ID " + commandId + " is not valid");
    }
    if (!INSTANCE_ID.matcher(instanceId).matches()) {
      throw SsmError.of("InvalidInstanceId", "Instance ID " + instanceId + " is not valid");
    }
    String plugin = text(r, "PluginName");
    if (plugin != null && !plugin.equals(PLUGIN)) {
      throw SsmError.of("InvalidPluginName", "Plugin " + plugin + " is not in the document");
    }
    Invocation found =
        c.invocations.stream().filter(i -> i.node.id().equals(instanceId)).findFirst().orElse(null);
    if (found == null || found.missingLookupsLeft > 0) {
      if (found != null) {
        found.missingLookupsLeft--;
      }
      throw SsmError.of("InvocationDoesNotExist", null);
    }
    ObjectNode a = JSON.createObjectNode();
    a.put("CommandId", c.id);
    a.put("InstanceId", instanceId);
    a.put("Comment", text(c.request, "Comment") == null ? "" : text(c.request, "Comment"));
    a.put("DocumentName", DOCUMENT);
    a.put("DocumentVersion", "1");
    a.put("PluginName", PLUGIN);
    a.put("ResponseCode", found.responseCode);
    a.put("ExecutionStartDateTime", found.startedAt == null ? "" : found.startedAt.toString());
    a.put(
        "ExecutionElapsedTime",
        found.startedAt == null
            ? ""
            : Duration.between(
                    found.startedAt, found.endedAt == null ? clock.instant() : found.endedAt)
                .toString());
    a.put("ExecutionEndDateTime", found.endedAt == null ? "" : found.endedAt.toString());
    a.put("Status", found.status);
    a.put("StatusDetails", found.details);
    boolean terminal = found.terminal();
    a.put("StandardOutputContent", terminal ? cut(found.stdout, STDOUT_MAX) : "");
    a.put("StandardOutputUrl", url(found, "stdout"));
    a.put("StandardErrorContent", terminal ? cut(found.stderr, STDERR_MAX) : "");
    a.put("StandardErrorUrl", url(found, "stderr"));
    ObjectNode cw = a.putObject("CloudWatchOutputConfig");
    cw.put("CloudWatchLogGroupName", "");
    cw.put("CloudWatchOutputEnabled", false);
    return a;
  }

  private JsonNode cancelCommand(ObjectNode r) {
    String commandId = text(r, "CommandId");
    if (commandId == null) {
      throw validation("Value null at 'commandId' failed to satisfy constraint");
    }
    Command c = commands.get(commandId);
    if (c == null) {
      throw SsmError.of("InvalidCommandId", "Command ID " + commandId + " is not valid");
    }
    Set<String> only = new LinkedHashSet<>();
    r.path("InstanceIds").forEach(i -> only.add(i.asText()));
    c.cancelled = only.isEmpty() || c.cancelled;
    for (Invocation i : c.invocations) {
      if (!only.isEmpty() && !only.contains(i.node.id())) {
        continue;
      }
      if (i.details.equals("Pending")) {
        i.end("Cancelled", "Cancelled");
      } else if (i.details.equals("In Progress")) {
        i.status = "Cancelling";
        i.details = "Cancelling";
      }
    }
    return JSON.createObjectNode();
  }

  private JsonNode describeInstanceInformation(ObjectNode r) {
    int max = r.has("MaxResults") ? r.get("MaxResults").asInt() : 50;
    if (max < 5 || max > 50) {
      throw validation("Value '" + max + "' at 'maxResults' failed to satisfy constraint");
    }
    if (r.has("Filters") && r.has("InstanceInformationFilterList")) {
      throw SsmError.of(
          "InvalidInstanceInformationFilterValue",
          "Filters and InstanceInformationFilterList cannot be used together");
    }
    List<Node> found = new ArrayList<>(nodes.values());
    for (JsonNode f : r.path("Filters")) {
      String key = f.path("Key").asText("");
      List<String> values = new ArrayList<>();
      f.path("Values").forEach(v -> values.add(v.asText()));
      if (values.isEmpty() || values.size() > 100) {
        throw validation("Filter values must hold 1 to 100 items");
      }
      found.removeIf(n -> !filterMatches(n, key, values));
    }
    for (JsonNode f : r.path("InstanceInformationFilterList")) {
      String key = f.path("key").asText("");
      List<String> values = new ArrayList<>();
      f.path("valueSet").forEach(v -> values.add(v.asText()));
      if (key.startsWith("tag")) {
        throw SsmError.of("InvalidInstanceInformationFilterValue", "tags are not supported here");
      }
      found.removeIf(n -> !filterMatches(n, key, values));
    }
    int from = offset(text(r, "NextToken"), found.size());
    int to = Math.min(found.size(), from + max);
    ArrayNode list = JSON.createArrayNode();
    for (Node n : found.subList(from, to)) {
      ObjectNode o = list.addObject();
      o.put("InstanceId", n.id());
      o.put("PingStatus", n.pingStatus());
      o.put("LastPingDateTime", seconds(clock.instant()));
      o.put("AgentVersion", "3.3.987.0");
      o.put("IsLatestVersion", true);
      o.put("PlatformType", "Linux");
      o.put("PlatformName", "Red Hat Enterprise Linux");
      o.put("PlatformVersion", "9.4");
      o.put("ResourceType", "ManagedInstance");
      o.put("IPAddress", "10.0.0.10");
      o.put("ComputerName", n.info().hostname());
      o.put("Name", n.info().name());
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.set("InstanceInformationList", list);
    if (to < found.size()) {
      answer.put("NextToken", token(to));
    }
    return answer;
  }

  private static boolean filterMatches(Node n, String key, List<String> values) {
    switch (key) {
      case "InstanceIds":
        return values.contains(n.id());
      case "PingStatus":
        return values.contains(n.pingStatus());
      case "PlatformTypes":
        return values.contains("Linux");
      case "ResourceType":
        return values.contains("ManagedInstance");
      case "tag-key":
        return values.stream().anyMatch(v -> n.info().tags().containsKey(v));
      default:
        if (key.startsWith("tag:") && key.length() > 4) {
          String v = n.info().tags().get(key.substring(4));
          return v != null && values.contains(v);
        }
        if (Set.of(
                "AgentVersion",
                "ActivationIds",
                "IamRole",
                "AssociationStatus",
                "SourceIds",
                "SourceTypes")
            .contains(key)) {
          return false;
        }
        throw SsmError.of(
            "InvalidInstanceInformationFilterValue", "Filter key " + key + " is not valid");
    }
  }

  // ---------------------------------------------------------------- lifecycle

  /** Moves every command along: delivery, ramp-up, timeouts, MaxErrors, process ends. */
  public synchronized void tick() {
    Instant now = clock.instant();
    for (Command c : commands.values()) {
      if (c.finished) {
        continue;
      }
      int limit = limit(c.maxConcurrency, c.invocations.size(), 1);
      int allowedErrors = limit(c.maxErrors, c.invocations.size(), 0);
      // running invocations: process ends, execution timeouts, cancellations
      for (Invocation i : c.invocations) {
        if (i.details.equals("Cancelling")) {
          kill(i);
          collect(i);
          i.end("Cancelled", "Cancelled");
          running--;
        } else if (i.details.equals("In Progress")) {
          if (i.process != null && !i.process.isAlive()) {
            collect(i);
            i.responseCode = i.process.exitValue();
            if (i.responseCode == 0) {
              i.end("Success", "Success");
            } else {
              i.end("Failed", "Failed");
              c.errors++;
            }
            running--;
          } else if (!now.isBefore(i.startedAt.plusSeconds(c.executionTimeout))) {
            kill(i);
            collect(i);
            i.end("TimedOut", "Execution Timed Out");
            c.errors++;
            running--;
          }
        }
      }
      if (!c.stopped && c.errors > allowedErrors) {
        c.stopped = true;
        for (Invocation i : c.invocations) {
          if (i.details.equals("Pending")) {
            i.end(settings.terminatedStatus(), "Terminated");
          }
        }
      }
      // pending invocations: delivery timeouts, then deliveries within the limits
      int inProgress =
          (int) c.invocations.stream().filter(i -> i.details.equals("In Progress")).count();
      boolean delivered = false;
      for (Invocation i : c.invocations) {
        if (!i.details.equals("Pending")) {
          continue;
        }
        if (!now.isBefore(c.requestedAt.plusSeconds(c.timeoutSeconds))) {
          i.end("TimedOut", "Delivery Timed Out");
          continue;
        }
        if (c.stopped || c.cancelled || inProgress >= limit || c.dispatched >= c.rampCap) {
          continue;
        }
        if (now.isBefore(c.requestedAt.plus(i.node.pickupDelay()))) {
          continue;
        }
        c.dispatched++;
        delivered = true;
        if (i.node.undeliverable()) {
          i.end(settings.undeliverableStatus(), "Undeliverable");
          continue;
        }
        start(i);
        inProgress++;
        running++;
      }
      if (delivered) {
        // one node, then two more, then four more...
        c.rampCap = c.rampCap * 2 + 1;
      }
      c.finished = c.invocations.stream().allMatch(Invocation::terminal);
    }
    peakRunning = Math.max(peakRunning, running);
    if (settings.sampleCommandLines() && ++ticks % 4 == 0) {
      sampleAll();
    }
  }

  private long ticks;

  /**
   * Reads the command line of every process descending from a running invocation: one pass over
   * {@code /proc} (parent of each process), then each descendant's {@code cmdline} in full (the
   * JDK's own view of a command line may be cut).
   */
  private void sampleAll() {
    Set<Long> roots = new LinkedHashSet<>();
    for (Command c : commands.values()) {
      for (Invocation i : c.invocations) {
        if (i.process != null && i.process.isAlive()) {
          roots.add(i.process.pid());
        }
      }
    }
    if (roots.isEmpty()) {
      return;
    }
    Map<Long, Long> parents = new LinkedHashMap<>();
    try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        try {
          String stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
          String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          parents.put(Long.parseLong(dir.getFileName().toString()), Long.parseLong(after[1]));
        } catch (IOException | RuntimeException e) {
          // the process is gone
        }
      }
    } catch (IOException e) {
      roots.forEach(pid -> ProcessHandle.of(pid).ifPresent(this::commandLineOf));
      return;
    }
    for (Map.Entry<Long, Long> p : parents.entrySet()) {
      long pid = p.getKey();
      for (int depth = 0; depth < 64; depth++) {
        if (roots.contains(pid)) {
          ProcessHandle.of(p.getKey()).ifPresent(this::commandLineOf);
          break;
        }
        Long parent = parents.get(pid);
        if (parent == null || parent <= 1) {
          break;
        }
        pid = parent;
      }
    }
  }

  private void sample(ProcessHandle handle) {
    if (settings.sampleCommandLines()) {
      commandLineOf(handle);
    }
  }

  /** The whole command line, from {@code /proc} (the JDK's own view may be cut). */
  private void commandLineOf(ProcessHandle handle) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(handle.pid()), "cmdline"));
      if (raw.length > 0) {
        String text = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        commandLines.add(text);
        return;
      }
    } catch (IOException | RuntimeException e) {
      // gone already, or no /proc: the JDK's view below
    }
    handle.info().commandLine().ifPresent(commandLines::add);
  }

  private void start(Invocation i) {
    Instant now = clock.instant();
    i.status = "InProgress";
    i.details = "In Progress";
    i.startedAt = now;
    try {
      Path dir = i.node.directory().resolve(i.command.id);
      Files.createDirectories(dir);
      i.directory = dir;
      Path script = dir.resolve("_script.sh");
      Files.writeString(script, i.command.script, StandardCharsets.UTF_8);
      List<String> argv =
          i.node.hangs()
              ? List.of("bash", "-c", "exec sleep 86400")
              : List.of("bash", script.toString());
      ProcessBuilder pb = new ProcessBuilder(argv);
      pb.directory(dir.toFile());
      pb.environment().clear();
      pb.environment().putAll(i.node.environment());
      pb.redirectOutput(dir.resolve("stdout").toFile());
      pb.redirectError(dir.resolve("stderr").toFile());
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      i.process = pb.start();
      sample(i.process.toHandle());
    } catch (IOException e) {
      i.stderr = "failed to run commands: " + e.getMessage();
      i.responseCode = 1;
      i.end("Failed", "Failed");
      i.command.errors++;
      running--;
    }
  }

  private static void kill(Invocation i) {
    if (i.process != null) {
      List<ProcessHandle> tree = i.process.descendants().toList();
      i.process.destroyForcibly();
      tree.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static void collect(Invocation i) {
    if (i.directory == null) {
      return;
    }
    i.stdout = read(i.directory.resolve("stdout"));
    i.stderr = read(i.directory.resolve("stderr"));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills every process still running. */
  public synchronized void killAll() {
    commands.values().forEach(c -> c.invocations.forEach(SsmService::kill));
  }

  /** Every command line seen on any instance's processes (sampled each tick). */
  public synchronized List<String> commandLines() {
    return List.copyOf(commandLines);
  }

  /** The most invocations ever running at once across all commands. */
  public synchronized int peakRunning() {
    return peakRunning;
  }

  /** How many commands were sent. */
  public synchronized int commandCount() {
    return commands.size();
  }

  /** Invocation statuses by instance ID, of every command (the last command wins). */
  public synchronized Map<String, String> statusDetails() {
    Map<String, String> m = new LinkedHashMap<>();
    commands.values().forEach(c -> c.invocations.forEach(i -> m.put(i.node.id(), i.details)));
    return m;
  }

  // ---------------------------------------------------------------- rendering

  private ObjectNode commandJson(Command c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("CommandId", c.id);
    o.put("DocumentName", DOCUMENT);
    o.put(
        "DocumentVersion",
        text(c.request, "DocumentVersion") == null
            ? "$DEFAULT"
            : text(c.request, "DocumentVersion"));
    o.put("Comment", text(c.request, "Comment") == null ? "" : text(c.request, "Comment"));
    o.put(
        "ExpiresAfter",
        seconds(c.requestedAt.plusSeconds((long) c.timeoutSeconds + c.executionTimeout)));
    o.set("Parameters", c.request.path("Parameters").deepCopy());
    ArrayNode ids = o.putArray("InstanceIds");
    if (c.request.has("InstanceIds")) {
      c.invocations.forEach(i -> ids.add(i.node.id()));
    }
    o.set(
        "Targets",
        c.request.has("Targets") ? c.request.get("Targets").deepCopy() : JSON.createArrayNode());
    o.put("RequestedDateTime", seconds(c.requestedAt));
    boolean allTerminal = c.invocations.stream().allMatch(Invocation::terminal);
    boolean anyStarted = c.invocations.stream().anyMatch(i -> !i.details.equals("Pending"));
    String status;
    String details;
    if (!allTerminal) {
      status = c.cancelled ? "Cancelling" : anyStarted ? "InProgress" : "Pending";
      details = c.cancelled ? "Cancelling" : anyStarted ? "In Progress" : "Pending";
    } else if (c.cancelled) {
      status = "Cancelled";
      details = "Cancelled";
    } else if (c.invocations.stream().allMatch(i -> i.details.equals("Success"))) {
      status = "Success";
      details = "Success";
    } else if (c.stopped) {
      status = "Failed";
      details = "Failed";
    } else {
      status = "Failed";
      details = "Incomplete";
    }
    o.put("Status", status);
    o.put("StatusDetails", details);
    o.put("OutputS3Region", settings.region());
    o.put(
        "OutputS3BucketName",
        text(c.request, "OutputS3BucketName") == null ? "" : text(c.request, "OutputS3BucketName"));
    o.put(
        "OutputS3KeyPrefix",
        text(c.request, "OutputS3KeyPrefix") == null ? "" : text(c.request, "OutputS3KeyPrefix"));
    o.put("MaxConcurrency", c.maxConcurrency);
    o.put("MaxErrors", c.maxErrors);
    o.put("TargetCount", c.invocations.size());
    o.put("CompletedCount", c.invocations.stream().filter(Invocation::terminal).count());
    o.put("ErrorCount", c.errors);
    o.put(
        "DeliveryTimedOutCount",
        c.invocations.stream().filter(i -> i.details.equals("Delivery Timed Out")).count());
    o.put("ServiceRole", "");
    ObjectNode n = o.putObject("NotificationConfig");
    n.put("NotificationArn", "");
    n.putArray("NotificationEvents");
    n.put("NotificationType", "");
    ObjectNode cw = o.putObject("CloudWatchOutputConfig");
    cw.put("CloudWatchLogGroupName", "");
    cw.put("CloudWatchOutputEnabled", false);
    o.put("TimeoutSeconds", c.timeoutSeconds);
    o.put("TriggeredAlarms", (String) null);
    o.remove("TriggeredAlarms");
    return o;
  }

  private ObjectNode invocationJson(Invocation i, boolean details) {
    Command c = i.command;
    ObjectNode o = JSON.createObjectNode();
    o.put("CommandId", c.id);
    o.put("InstanceId", i.node.id());
    o.put("InstanceName", i.node.info().hostname());
    o.put("Comment", text(c.request, "Comment") == null ? "" : text(c.request, "Comment"));
    o.put("DocumentName", DOCUMENT);
    o.put("DocumentVersion", "1");
    o.put("RequestedDateTime", seconds(c.requestedAt));
    o.put("Status", i.status);
    o.put("StatusDetails", i.details);
    o.put("TraceOutput", "");
    o.put("StandardOutputUrl", url(i, "stdout"));
    o.put("StandardErrorUrl", url(i, "stderr"));
    ArrayNode plugins = o.putArray("CommandPlugins");
    if (details) {
      ObjectNode p = plugins.addObject();
      p.put("Name", PLUGIN);
      p.put("Status", i.status);
      p.put("StatusDetails", i.details);
      p.put("ResponseCode", i.responseCode);
      if (i.startedAt != null) {
        p.put("ResponseStartDateTime", seconds(i.startedAt));
      }
      if (i.endedAt != null && i.startedAt != null) {
        p.put("ResponseFinishDateTime", seconds(i.endedAt));
      }
      String output = "";
      if (i.terminal()) {
        output = i.stdout;
        if (!i.stderr.isEmpty()) {
          output = output + "\n----------ERROR-------\n" + i.stderr;
        }
      }
      p.put("Output", cut(output, PLUGIN_OUTPUT_MAX));
      p.put("StandardOutputUrl", url(i, "stdout"));
      p.put("StandardErrorUrl", url(i, "stderr"));
      p.put("OutputS3Region", settings.region());
      p.put(
          "OutputS3BucketName",
          text(c.request, "OutputS3BucketName") == null
              ? ""
              : text(c.request, "OutputS3BucketName"));
      p.put(
          "OutputS3KeyPrefix",
          text(c.request, "OutputS3KeyPrefix") == null ? "" : text(c.request, "OutputS3KeyPrefix"));
    }
    o.put("ServiceRole", "");
    ObjectNode cw = o.putObject("CloudWatchOutputConfig");
    cw.put("CloudWatchLogGroupName", "");
    cw.put("CloudWatchOutputEnabled", false);
    return o;
  }

  private String url(Invocation i, String stream) {
    String bucket = text(i.command.request, "OutputS3BucketName");
    if (bucket == null || bucket.isEmpty()) {
      return "";
    }
    String prefix = text(i.command.request, "OutputS3KeyPrefix");
    return "https://s3."
        + settings.region()
        + ".amazonaws.com/"
        + bucket
        + "/"
        + (prefix == null || prefix.isEmpty() ? "" : prefix + "/")
        + i.command.id
        + "/"
        + i.node.id()
        + "/awsrunShellScript/0.awsrunShellScript/"
        + stream;
  }

  // ---------------------------------------------------------------- helpers

  static int limit(String value, int targets, int floor) {
    if (value.endsWith("%")) {
      int pct = Integer.parseInt(value.substring(0, value.length() - 1));
      return Math.max(floor, targets * pct / 100);
    }
    return Integer.parseInt(value);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static double seconds(Instant t) {
    return t.toEpochMilli() / 1000.0;
  }

  private static String text(JsonNode r, String field) {
    JsonNode n = r.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String token(int offset) {
    return Base64.getEncoder()
        .encodeToString(("fake-ssm:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token, int size) {
    if (token == null) {
      return 0;
    }
    try {
      String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("fake-ssm:")) {
        int offset = Integer.parseInt(text.substring(9));
        if (offset >= 0 && offset <= size) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // below
    }
    throw SsmError.of("InvalidNextToken", "The specified token is not valid");
  }

  private static SsmError validation(String message) {
    return SsmError.of("ValidationException", message);
  }
}
