package dev.mgnagent.fleet.ssm.internal;

import dev.mgnagent.fleet.FailureLimit;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostFailure;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.RunningFleet;
import dev.mgnagent.fleet.ssm.SsmFleetInstallation.Settings;
import dev.mgnagent.fleet.ssm.SsmInstallScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.ssm.model.CancelCommandRequest;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.CommandPlugin;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.ListCommandInvocationsRequest;
import software.amazon.awssdk.services.ssm.model.ListCommandInvocationsResponse;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/**
 * Runs one SSM fleet install: reachability first, then commands sent in batches within the fleet's
 * limits, polled until every node has its outcome. One thread; {@link #cancel()} may come from
 * another.
 */
public final class SsmDriver {

  /** The most instance IDs one {@code SendCommand} takes. */
  public static final int MAX_IDS_PER_COMMAND = 50;

  static final String DOCUMENT = "AWS-RunShellScript";

  private final Settings s;
  private volatile boolean cancelRequested;
  private final CompletableFuture<FleetResult> done = new CompletableFuture<>();

  /** Every {@code SendCommand} sent, for tests and benchmarks: command ID and its node count. */
  private final List<SentCommand> sent = new ArrayList<>();

  private int listCalls;
  private int polls;

  /** A command sent: its ID, nodes, {@code MaxConcurrency} and {@code MaxErrors}. */
  public record SentCommand(
      String commandId, List<String> instanceIds, String maxConcurrency, String maxErrors) {}

  public SsmDriver(Settings settings) {
    this.s = settings;
  }

  /** Starts {@link #run()} on a thread of its own. */
  public RunningFleet start() {
    Thread thread =
        new Thread(
            () -> {
              try {
                done.complete(run());
              } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
              }
            },
            "ssm-fleet");
    thread.setDaemon(true);
    thread.start();
    return new RunningFleet() {
      @Override
      public void cancel() {
        SsmDriver.this.cancel();
      }

      @Override
      public FleetResult await() throws InterruptedException {
        try {
          return done.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    };
  }

  /** Asks the run to stop: nothing more is sent and what runs is cancelled. */
  public void cancel() {
    cancelRequested = true;
  }

  /** The commands sent so far. */
  public synchronized List<SentCommand> sent() {
    return List.copyOf(sent);
  }

  /** A batch of nodes sent as one command. */
  private static final class Batch {
    final String commandId;
    final Set<String> unfinished;
    final Map<String, Integer> lookupsLeft = new HashMap<>();
    final Map<String, CommandInvocation> finishedInList = new LinkedHashMap<>();
    boolean cancelSent;

    Batch(String commandId, List<String> ids) {
      this.commandId = commandId;
      this.unfinished = new LinkedHashSet<>(ids);
    }
  }

  /** Installs on every target and returns each one's outcome. */
  public FleetResult run() {
    Instant start = s.clock().instant();
    Map<String, HostOutcome> outcomes = new LinkedHashMap<>();
    Map<String, Instant> startedAt = new HashMap<>();
    List<String> order = new ArrayList<>();
    Deque<String> queue = new ArrayDeque<>();
    reachability(order, queue, outcomes, start);

    int total = order.size();
    int failures = (int) outcomes.values().stream().filter(HostOutcome::countsAsFailure).count();
    boolean limitExceeded = s.maxFailures().exceeded(failures, total);
    boolean cancelled = false;
    List<Batch> active = new ArrayList<>();
    int inFlight = 0;
    int quietPolls = 0;
    boolean single = queue.size() <= MAX_IDS_PER_COMMAND;

    while (true) {
      if (cancelRequested && !cancelled) {
        cancelled = true;
        for (Batch b : active) {
          if (!b.cancelSent && !b.unfinished.isEmpty()) {
            s.ssm().cancelCommand(CancelCommandRequest.builder().commandId(b.commandId).build());
            b.cancelSent = true;
          }
        }
      }
      if (!cancelled && !limitExceeded) {
        // a batch waits for room for a quarter of parallel (or what is left), so that a large
        // fleet is not sent one node at a time and polled one command per node
        int threshold =
            Math.min(queue.size(), Math.min(MAX_IDS_PER_COMMAND, (s.parallel() + 3) / 4));
        while (!queue.isEmpty() && s.parallel() - inFlight >= Math.max(1, threshold)) {
          int room = s.parallel() - inFlight;
          int n =
              single ? queue.size() : Math.min(MAX_IDS_PER_COMMAND, Math.min(room, queue.size()));
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            ids.add(queue.poll());
          }
          String concurrency = String.valueOf(single ? Math.min(s.parallel(), n) : n);
          String maxErrors =
              s.maxFailures().equals(FailureLimit.none())
                  ? "100%"
                  : String.valueOf(Math.max(0, s.maxFailures().allowed(total) - failures));
          active.add(send(ids, concurrency, maxErrors));
          Instant now = s.clock().instant();
          ids.forEach(id -> startedAt.put(id, now));
          inFlight += n;
        }
      }
      if (active.isEmpty()) {
        break;
      }
      try {
        s.sleeper().sleep(s.pollBackoff().delayAfter(quietPolls + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelRequested = true;
      }
      boolean changed = false;
      polls++;
      for (Batch b : active) {
        for (Map.Entry<String, HostOutcome> e : poll(b, startedAt).entrySet()) {
          outcomes.put(e.getKey(), e.getValue());
          inFlight--;
          changed = true;
          if (e.getValue().countsAsFailure()) {
            failures++;
          }
        }
      }
      active.removeIf(b -> b.unfinished.isEmpty());
      if (s.maxFailures().exceeded(failures, total)) {
        limitExceeded = true;
      }
      quietPolls = changed ? 0 : quietPolls + 1;
    }
    Instant end = s.clock().instant();
    for (String id : queue) {
      outcomes.put(id, skipped(id));
    }
    List<HostOutcome> ordered = new ArrayList<>();
    for (String id : order) {
      ordered.add(outcomes.getOrDefault(id, skipped(id)));
    }
    return new FleetResult(ordered, Duration.between(start, end), cancelled, limitExceeded);
  }

  /** How many ListCommandInvocations calls were made, and in how many polls. */
  public synchronized int[] listCallsAndPolls() {
    return new int[] {listCalls, polls};
  }

  private void reachability(
      List<String> order, Deque<String> queue, Map<String, HostOutcome> outcomes, Instant now) {
    Map<String, String> pingById = new LinkedHashMap<>();
    if (s.targets().isTag()) {
      describe(
          InstanceInformationStringFilter.builder()
              .key("tag:" + s.targets().tagKey().get())
              .values(s.targets().tagValue().get())
              .build(),
          pingById);
      order.addAll(pingById.keySet());
    } else {
      List<String> ids = s.targets().instanceIds();
      for (int i = 0; i < ids.size(); i += MAX_IDS_PER_COMMAND) {
        describe(
            InstanceInformationStringFilter.builder()
                .key("InstanceIds")
                .values(ids.subList(i, Math.min(ids.size(), i + MAX_IDS_PER_COMMAND)))
                .build(),
            pingById);
      }
      order.addAll(ids);
    }
    for (String id : order) {
      String ping = pingById.get(id);
      if (ping == null) {
        outcomes.put(
            id,
            unreachable(
                id,
                "NOT_MANAGED",
                "Systems Manager does not know the node " + id + " (DescribeInstanceInformation)",
                "check the instance ID and region, and that the SSM Agent is installed and"
                    + " registered (an instance profile, or a hybrid activation for mi- nodes)"));
      } else if (!ping.equals("Online")) {
        outcomes.put(
            id,
            unreachable(
                id,
                "SSM_" + ping.toUpperCase(java.util.Locale.ROOT),
                "the SSM Agent of " + id + " is not online (PingStatus " + ping + ")",
                "start the SSM Agent on the node and check that it can reach Systems Manager"));
      } else {
        queue.add(id);
      }
    }
  }

  private void describe(InstanceInformationStringFilter filter, Map<String, String> into) {
    String token = null;
    do {
      DescribeInstanceInformationResponse page =
          s.ssm()
              .describeInstanceInformation(
                  DescribeInstanceInformationRequest.builder()
                      .filters(filter)
                      .maxResults(50)
                      .nextToken(token)
                      .build());
      for (InstanceInformation info : page.instanceInformationList()) {
        into.put(info.instanceId(), info.pingStatusAsString());
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
  }

  private Batch send(List<String> ids, String concurrency, String maxErrors) {
    Duration mustLast = s.deliveryTimeout().plus(s.executionTimeout());
    AwsSessionCredentials credentials =
        SsmInstallScript.requireShortLived(s.credentials().mint(mustLast));
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    parameters.put("commands", SsmInstallScript.of(s.request()).commands(credentials));
    parameters.put("executionTimeout", List.of(String.valueOf(s.executionTimeout().toSeconds())));
    SendCommandRequest.Builder request =
        SendCommandRequest.builder()
            .documentName(DOCUMENT)
            .instanceIds(ids)
            .parameters(parameters)
            .comment("mgn-agent: install the AWS Replication Agent")
            .timeoutSeconds((int) s.deliveryTimeout().toSeconds())
            .maxConcurrency(concurrency)
            .maxErrors(maxErrors);
    s.outputS3Bucket().ifPresent(request::outputS3BucketName);
    s.outputS3KeyPrefix().ifPresent(request::outputS3KeyPrefix);
    String commandId = s.ssm().sendCommand(request.build()).command().commandId();
    synchronized (this) {
      sent.add(new SentCommand(commandId, List.copyOf(ids), concurrency, maxErrors));
    }
    return new Batch(commandId, ids);
  }

  /** The nodes of {@code b} that ended since the last poll, with their outcomes. */
  private Map<String, HostOutcome> poll(Batch b, Map<String, Instant> startedAt) {
    String token = null;
    do {
      ListCommandInvocationsResponse page =
          s.ssm()
              .listCommandInvocations(
                  ListCommandInvocationsRequest.builder()
                      .commandId(b.commandId)
                      .details(true)
                      .maxResults(50)
                      .nextToken(token)
                      .build());
      synchronized (this) {
        listCalls++;
      }
      for (CommandInvocation invocation : page.commandInvocations()) {
        if (b.unfinished.contains(invocation.instanceId())
            && Outcomes.isTerminal(invocation.statusDetails())) {
          b.finishedInList.putIfAbsent(invocation.instanceId(), invocation);
        }
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());

    Map<String, HostOutcome> ended = new LinkedHashMap<>();
    for (CommandInvocation invocation : List.copyOf(b.finishedInList.values())) {
      String id = invocation.instanceId();
      Optional<GetCommandInvocationResponse> details = details(b, id);
      int left = b.lookupsLeft.getOrDefault(id, s.invocationLookups());
      if (details.isEmpty() && left > 1) {
        b.lookupsLeft.put(id, left - 1);
        continue;
      }
      Duration took =
          Duration.between(startedAt.getOrDefault(id, s.clock().instant()), s.clock().instant());
      String listOutput =
          invocation.commandPlugins().stream()
              .map(CommandPlugin::output)
              .filter(o -> o != null)
              .findFirst()
              .orElse("");
      ended.put(id, Outcomes.of(FleetHost.of(id), invocation, details, listOutput, took));
      b.unfinished.remove(id);
      b.finishedInList.remove(id);
    }
    return ended;
  }

  private Optional<GetCommandInvocationResponse> details(Batch b, String instanceId) {
    try {
      return Optional.of(
          s.ssm()
              .getCommandInvocation(
                  GetCommandInvocationRequest.builder()
                      .commandId(b.commandId)
                      .instanceId(instanceId)
                      .build()));
    } catch (InvocationDoesNotExistException e) {
      return Optional.empty();
    }
  }

  private static HostOutcome unreachable(String id, String reason, String message, String remedy) {
    return new HostOutcome(
        FleetHost.of(id),
        HostStatus.UNREACHABLE,
        Optional.empty(),
        Optional.of(new HostFailure(Optional.empty(), reason, message, remedy)),
        Duration.ZERO);
  }

  private static HostOutcome skipped(String id) {
    return new HostOutcome(
        FleetHost.of(id), HostStatus.SKIPPED, Optional.empty(), Optional.empty(), Duration.ZERO);
  }
}
