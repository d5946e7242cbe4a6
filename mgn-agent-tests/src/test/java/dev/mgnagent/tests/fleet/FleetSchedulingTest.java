package dev.mgnagent.tests.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Tags;
import dev.mgnagent.fleet.FailureLimit;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetHostEvent;
import dev.mgnagent.fleet.FleetHostFinished;
import dev.mgnagent.fleet.FleetHostStarted;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.FleetSchedulingStopped;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.RunningFleet;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepStarted;
import dev.mgnagent.testkit.event.RecordingEventListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * The fleet's scheduling, with a scripted per-host step that waits for the test to release it:
 * bounded parallelism, the failure limit (counts, percentages, UNREACHABLE), cancel, order of the
 * results and the host on every event.
 */
@Timeout(120)
class FleetSchedulingTest {

  private static final long WAIT = 60;

  @TempDir Path temp;
  private ScriptedInstallations scripted;
  private final RecordingEventListener events = new RecordingEventListener();

  @BeforeEach
  void setUp() {
    scripted = new ScriptedInstallations(temp);
  }

  private FleetInstallation.Builder fleet(List<FleetHost> hosts) {
    return FleetInstallation.builder()
        .hosts(hosts)
        .connector(scripted)
        .installations(scripted)
        .eventListener(events)
        .request(InstallRequest.builder().region(Region.EU_WEST_3).noPrompt(true).build());
  }

  @Test
  void noMoreThanParallelHostsRunAtOnceAndResultsFollowTheInventoryOrder() throws Exception {
    List<FleetHost> hosts = ScriptedInstallations.hosts(8);
    RunningFleet running = fleet(hosts).parallel(3).build().start();

    for (int i = 0; i < 3; i++) {
      scripted.arrived("host-" + i).get(WAIT, TimeUnit.SECONDS);
    }
    // three are running and none has ended: the fourth cannot have started
    assertThat(scripted.arrived("host-3")).isNotDone();
    assertThat(events.events(FleetHostStarted.class)).hasSize(3);

    scripted.release("host-1", true);
    scripted.arrived("host-3").get(WAIT, TimeUnit.SECONDS);
    assertThat(scripted.arrived("host-4")).isNotDone();
    // the rest end in reverse order, each as soon as it starts
    for (int i = 7; i >= 0; i--) {
      scripted.release("host-" + i, true);
    }
    FleetResult result = running.await();

    assertThat(scripted.maxRunning()).isEqualTo(3);
    assertThat(result.outcomes()).extracting(HostOutcome::host).isEqualTo(hosts);
    assertThat(result.allInstalled()).isTrue();
    assertThat(result.outcomes().get(5).sourceServerId().orElseThrow().value())
        .isEqualTo(ScriptedInstallations.sourceServerId("host-5"));
    assertThat(scripted.closed()).hasSize(8);
    assertThat(events.events(FleetHostStarted.class))
        .extracting(e -> e.host().address())
        .containsExactly(
            "host-0", "host-1", "host-2", "host-3", "host-4", "host-5", "host-6", "host-7");
  }

  @Test
  void withMaxFailuresTwoSchedulingStopsAfterTheThirdFailure() throws Exception {
    List<FleetHost> hosts = ScriptedInstallations.hosts(6);
    scripted.releaseAll(false, 6);

    FleetResult result =
        fleet(hosts).parallel(1).maxFailures(FailureLimit.count(2)).build().install();

    assertThat(result.outcomes())
        .extracting(HostOutcome::status)
        .containsExactly(
            HostStatus.FAILED,
            HostStatus.FAILED,
            HostStatus.FAILED,
            HostStatus.SKIPPED,
            HostStatus.SKIPPED,
            HostStatus.SKIPPED);
    assertThat(result.failureLimitExceeded()).isTrue();
    assertThat(scripted.arrived("host-3")).isNotDone();
    assertThat(events.events(FleetSchedulingStopped.class)).hasSize(1);
    HostOutcome failed = result.outcomes().get(0);
    assertThat(failed.failure().orElseThrow().step()).contains(InstallStep.INSTALL);
    assertThat(failed.failure().orElseThrow().message()).contains("scripted installer failed");
    assertThat(failed.failure().orElseThrow().reason()).isEqualTo("INSTALL_FAILED");
  }

  @Test
  void aPercentageIsTakenOfTheFleetRoundedDown() throws Exception {
    // 25% of 10 hosts is 2.5: two failures are tolerated, the third stops scheduling
    List<FleetHost> hosts = ScriptedInstallations.hosts(10);
    for (int i = 0; i < 10; i++) {
      scripted.release("host-" + i, i % 2 == 1);
    }

    FleetResult result =
        fleet(hosts).parallel(1).maxFailures(FailureLimit.parse("25%")).build().install();

    assertThat(result.count(HostStatus.FAILED)).isEqualTo(3);
    assertThat(result.count(HostStatus.INSTALLED)).isEqualTo(2);
    assertThat(result.count(HostStatus.SKIPPED)).isEqualTo(5);
    assertThat(result.outcomes().get(5).status()).isEqualTo(HostStatus.SKIPPED);
  }

  @Test
  void unreachableHostsCountAsFailures() throws Exception {
    List<FleetHost> hosts = ScriptedInstallations.hosts(4);
    scripted.unreachable("host-0");
    scripted.releaseAll(false, 4);

    FleetResult result =
        fleet(hosts).parallel(1).maxFailures(FailureLimit.count(1)).build().install();

    assertThat(result.outcomes())
        .extracting(HostOutcome::status)
        .containsExactly(
            HostStatus.UNREACHABLE, HostStatus.FAILED, HostStatus.SKIPPED, HostStatus.SKIPPED);
    HostOutcome unreachable = result.outcomes().get(0);
    assertThat(unreachable.failure().orElseThrow().reason()).isEqualTo("UNREACHABLE");
    assertThat(unreachable.failure().orElseThrow().remedy()).contains("SSH port");
    assertThat(unreachable.failure().orElseThrow().step()).isEmpty();
    assertThat(scripted.arrived("host-0")).isNotDone();
    assertThat(scripted.closed()).containsExactly("host-1");
  }

  @Test
  void runningHostsFinishAfterTheLimitIsExceeded() throws Exception {
    List<FleetHost> hosts = ScriptedInstallations.hosts(5);
    java.util.concurrent.CompletableFuture<Void> stopped =
        new java.util.concurrent.CompletableFuture<>();
    RunningFleet running =
        fleet(hosts)
            .eventListener(events.andOn(FleetSchedulingStopped.class, e -> stopped.complete(null)))
            .parallel(2)
            .maxFailures(FailureLimit.count(0))
            .build()
            .start();
    scripted.arrived("host-0").get(WAIT, TimeUnit.SECONDS);
    scripted.arrived("host-1").get(WAIT, TimeUnit.SECONDS);

    scripted.release("host-0", false);
    // host-1 is still running when the limit is exceeded; it is let finish
    stopped.get(WAIT, TimeUnit.SECONDS);
    scripted.release("host-1", true);
    FleetResult result = running.await();

    assertThat(result.outcomes())
        .extracting(HostOutcome::status)
        .containsExactly(
            HostStatus.FAILED,
            HostStatus.INSTALLED,
            HostStatus.SKIPPED,
            HostStatus.SKIPPED,
            HostStatus.SKIPPED);
  }

  @Test
  void cancelStopsRunningHostsAndSkipsTheRest() throws Exception {
    List<FleetHost> hosts = ScriptedInstallations.hosts(5);
    RunningFleet running = fleet(hosts).parallel(2).build().start();
    scripted.arrived("host-0").get(WAIT, TimeUnit.SECONDS);
    scripted.arrived("host-1").get(WAIT, TimeUnit.SECONDS);

    running.cancel();
    FleetResult result = running.await();

    assertThat(result.cancelled()).isTrue();
    assertThat(result.outcomes())
        .extracting(HostOutcome::status)
        .containsExactly(
            HostStatus.CANCELLED,
            HostStatus.CANCELLED,
            HostStatus.SKIPPED,
            HostStatus.SKIPPED,
            HostStatus.SKIPPED);
    assertThat(scripted.cancelled()).containsExactlyInAnyOrder("host-0", "host-1");
    assertThat(scripted.closed()).containsExactlyInAnyOrder("host-0", "host-1");
    assertThat(events.events(FleetHostFinished.class)).hasSize(5);
    running.cancel(); // again: nothing happens
  }

  @Test
  void everyEventCarriesItsHostAndTheCountsAddUp() throws Exception {
    List<FleetHost> hosts = ScriptedInstallations.hosts(4);
    scripted.unreachable("host-2");
    scripted.releaseAll(true, 4);

    fleet(hosts).parallel(2).build().install();

    List<FleetHostEvent> tagged = events.events(FleetHostEvent.class);
    assertThat(tagged)
        .filteredOn(e -> e.event() instanceof InstallStepStarted)
        .extracting(e -> e.host().address())
        .containsExactlyInAnyOrder("host-0", "host-1", "host-3");
    List<FleetHostFinished> finished = events.events(FleetHostFinished.class);
    assertThat(finished).extracting(e -> e.host().address()).hasSize(4).doesNotHaveDuplicates();
    FleetHostFinished last = finished.get(finished.size() - 1);
    assertThat(last.progress().done()).isEqualTo(4);
    assertThat(last.progress().installed()).isEqualTo(3);
    assertThat(last.progress().unreachable()).isEqualTo(1);
    assertThat(last.progress().running()).isZero();
    assertThat(last.progress().waiting()).isZero();
    assertThat(events.events(FleetHostStarted.class).get(0).progress().running()).isEqualTo(1);
  }

  @Test
  void aHostsOwnValuesCompleteTheSharedRequest() throws Exception {
    FleetHost web =
        FleetHost.builder()
            .address("web-1")
            .tags(Tags.builder().add("env", "dev").add("app", "web").build())
            .devices("/dev/sdb")
            .userProvidedId("web-1-id")
            .build();
    FleetHost plain = FleetHost.of("db-1");
    scripted.release("web-1", true);
    scripted.release("db-1", true);
    InstallRequest shared =
        InstallRequest.builder()
            .region(Region.EU_WEST_3)
            .noPrompt(true)
            .tags(Tags.builder().add("wave", "1").add("env", "prod").build())
            .build();

    fleet(List.of(web, plain)).request(shared).build().install();

    InstallRequest webRequest = scripted.request("web-1");
    assertThat(webRequest.tags().asMap())
        .containsExactly(Map.entry("wave", "1"), Map.entry("env", "dev"), Map.entry("app", "web"));
    assertThat(webRequest.devices()).contains("/dev/sdb");
    assertThat(webRequest.userProvidedId()).contains("web-1-id");
    assertThat(webRequest.region()).isEqualTo(Region.EU_WEST_3);
    InstallRequest dbRequest = scripted.request("db-1");
    assertThat(dbRequest.tags()).isEqualTo(shared.tags());
    assertThat(dbRequest.devices()).isEmpty();
  }

  @Test
  void anInvalidSettingOrHostRequestIsRefusedBeforeAnythingRuns() {
    FleetHost badTags =
        FleetHost.builder()
            .address("web-1")
            .tags(
                Tags.of(
                    java.util.stream.IntStream.range(0, 30)
                        .boxed()
                        .collect(
                            java.util.stream.Collectors.toMap(
                                i -> "k" + i,
                                i -> "v",
                                (a, b) -> a,
                                java.util.LinkedHashMap::new))))
            .build();
    InstallRequest shared =
        InstallRequest.builder()
            .region(Region.EU_WEST_3)
            .noPrompt(true)
            .tags(
                Tags.of(
                    java.util.stream.IntStream.range(0, 30)
                        .boxed()
                        .collect(
                            java.util.stream.Collectors.toMap(
                                i -> "s" + i,
                                i -> "v",
                                (a, b) -> a,
                                java.util.LinkedHashMap::new))))
            .build();
    // 30 shared tags and 30 of the host's are more than a source server takes
    assertThatThrownBy(() -> fleet(List.of(badTags)).request(shared).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("host web-1: tags:");
    assertThatThrownBy(
            () ->
                fleet(ScriptedInstallations.hosts(2))
                    .request(
                        InstallRequest.builder()
                            .region(Region.EU_WEST_3)
                            .userProvidedId("one")
                            .build())
                    .build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("per host");
    assertThatThrownBy(() -> fleet(ScriptedInstallations.hosts(2)).parallel(0))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> fleet(List.of(FleetHost.of("a"), FleetHost.of("a"))).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("listed twice");
    assertThat(scripted.closed()).isEmpty();
  }
}
