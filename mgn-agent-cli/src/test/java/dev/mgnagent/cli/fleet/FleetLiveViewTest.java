package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetHostEvent;
import dev.mgnagent.fleet.FleetHostFinished;
import dev.mgnagent.fleet.FleetHostStarted;
import dev.mgnagent.fleet.FleetProgress;
import dev.mgnagent.fleet.HostFailure;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepStarted;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The live view fed events by hand on a stepped clock, read back through a {@link VirtualScreen}:
 * the counts and the running hosts' steps are redrawn in place, finished hosts stay above them, and
 * redraws wait for the interval.
 */
class FleetLiveViewTest {

  private final StringWriter written = new StringWriter();
  private final SteppedClock clock = new SteppedClock();
  private final FleetLiveView view =
      new FleetLiveView(new PrintWriter(written), clock, Duration.ofMillis(200), 80);
  private final FleetHost web1 = FleetHost.of("web-1");
  private final FleetHost web2 = FleetHost.of("web-2");

  private static FleetProgress progress(int waiting, int running, int installed, int failed) {
    return new FleetProgress(3, waiting, running, installed, failed, 0, 0, 0);
  }

  @Test
  void countsAndStepsAreRedrawnInPlaceUnderTheFinishedHosts() {
    view.onEvent(new FleetHostStarted(web1, progress(2, 1, 0, 0)));
    clock.step(200);
    view.onEvent(new FleetHostStarted(web2, progress(1, 2, 0, 0)));
    clock.step(200);
    view.onEvent(new FleetHostEvent(web1, new InstallStepStarted(InstallStep.INSTALL, "run it")));

    assertThat(VirtualScreen.of(written.toString()))
        .containsExactly(
            "fleet: 0/3 done, 0 failed, 2 running, 1 waiting",
            "  web-1  install",
            "  web-2  connecting");

    clock.step(200);
    view.onEvent(
        new FleetHostFinished(
            new HostOutcome(
                web2,
                HostStatus.FAILED,
                Optional.empty(),
                Optional.of(
                    new HostFailure(
                        Optional.of(InstallStep.PREFLIGHT),
                        "PREFLIGHT",
                        "no \u001b[2Jroom",
                        "free")),
                Duration.ofSeconds(3)),
            progress(1, 1, 0, 1)));

    assertThat(VirtualScreen.of(written.toString()))
        .containsExactly(
            "[web-2] FAILED at PREFLIGHT (PREFLIGHT): no \\u001b[2Jroom in 3.0 s",
            "fleet: 1/3 done, 1 failed, 1 running, 1 waiting",
            "  web-1  install");
    assertThat(written.toString()).contains("\u001b[3A");
  }

  @Test
  void redrawsWaitForTheIntervalAndFinishDrawsTheLastState() {
    view.onEvent(new FleetHostStarted(web1, progress(2, 1, 0, 0)));
    String first = written.toString();
    view.onEvent(new FleetHostEvent(web1, new InstallStepStarted(InstallStep.SERVICE, "check")));
    view.onEvent(new FleetHostStarted(web2, progress(1, 2, 0, 0)));

    assertThat(written.toString()).isEqualTo(first);
    assertThat(VirtualScreen.of(written.toString()))
        .containsExactly("fleet: 0/3 done, 0 failed, 1 running, 2 waiting", "  web-1  connecting");

    view.finish();

    assertThat(VirtualScreen.of(written.toString()))
        .containsExactly(
            "fleet: 0/3 done, 0 failed, 2 running, 1 waiting",
            "  web-1  service",
            "  web-2  connecting");
  }

  @Test
  void aFinishedHostRedrawsTheBlockAtOnce() {
    view.onEvent(new FleetHostStarted(web1, progress(2, 1, 0, 0)));
    view.onEvent(new FleetHostStarted(web2, progress(1, 2, 0, 0)));
    view.onEvent(
        new FleetHostFinished(
            new HostOutcome(
                web1, HostStatus.CANCELLED, Optional.empty(), Optional.empty(), Duration.ZERO),
            new FleetProgress(3, 1, 1, 0, 0, 0, 0, 1)));

    assertThat(VirtualScreen.of(written.toString()))
        .containsExactly(
            "[web-1] CANCELLED in 0.0 s",
            "fleet: 1/3 done, 0 failed, 1 running, 1 waiting",
            "  web-2  connecting");
  }

  @Test
  void manyRunningHostsAreListedUpToALimit() {
    int total = FleetLiveView.MAX_HOST_LINES + 5;
    for (int i = 0; i < total; i++) {
      view.onEvent(
          new FleetHostStarted(
              FleetHost.of("h-" + i),
              new FleetProgress(total, total - i - 1, i + 1, 0, 0, 0, 0, 0)));
    }
    view.finish();

    assertThat(VirtualScreen.of(written.toString()))
        .hasSize(FleetLiveView.MAX_HOST_LINES + 2)
        .endsWith("  ... and 5 more running");
  }

  /** A clock that moves only when told. */
  private static final class SteppedClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void step(long millis) {
      now = now.plusMillis(millis);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
