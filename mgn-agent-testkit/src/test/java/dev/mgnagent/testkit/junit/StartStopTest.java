package dev.mgnagent.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.testkit.Startable;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.junit.SampleRun.OnlyInSampleRuns;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * {@link StartStop} on sample test classes run through the JUnit Platform: when fields start and
 * close, and what happens when one cannot start or close.
 */
class StartStopTest {

  /** A fake that writes what happens to it into a log. */
  static final class Probe implements Startable {
    private final String name;
    private final List<String> log;
    private final boolean failToStart;
    private final boolean failToClose;
    private boolean started;

    Probe(String name, List<String> log) {
      this(name, log, false, false);
    }

    Probe(String name, List<String> log, boolean failToStart, boolean failToClose) {
      this.name = name;
      this.log = log;
      this.failToStart = failToStart;
      this.failToClose = failToClose;
    }

    @Override
    public Probe start() {
      if (started) {
        throw new IllegalStateException(name + " is already started");
      }
      log.add("start " + name);
      if (failToStart) {
        throw new IllegalStateException("cannot bind " + name);
      }
      started = true;
      return this;
    }

    @Override
    public void close() {
      log.add("close " + name);
      started = false;
      if (failToClose) {
        throw new IllegalStateException("cannot stop " + name);
      }
    }

    boolean isStarted() {
      return started;
    }
  }

  private static List<String> newLog() {
    return Collections.synchronizedList(new ArrayList<>());
  }

  @ExtendWith(OnlyInSampleRuns.class)
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class InstanceFields {
    static final List<String> LOG = newLog();
    @StartStop Probe first = new Probe("first", LOG);
    @StartStop private final Probe second = new Probe("second", LOG);
    Probe notAnnotated = new Probe("other", LOG);

    @Test
    void one() {
      LOG.add(
          "test one "
              + first.isStarted()
              + " "
              + second.isStarted()
              + " "
              + notAnnotated.isStarted());
    }

    @Test
    void two() {
      LOG.add("test two " + first.isStarted() + " " + second.isStarted());
    }
  }

  @Test
  void instanceFieldsStartBeforeEachTestInOrderAndCloseAfterItInReverse() {
    SampleRun run = SampleRun.of(InstanceFields.class);

    assertThat(run.failures()).isEmpty();
    assertThat(run.tests()).hasSize(2);
    assertThat(InstanceFields.LOG)
        .containsExactly(
            "start first",
            "start second",
            "test one true true false",
            "close second",
            "close first",
            "start first",
            "start second",
            "test two true true",
            "close second",
            "close first");
  }

  @ExtendWith(OnlyInSampleRuns.class)
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class StaticAndInstanceFields {
    static final List<String> LOG = newLog();
    @StartStop static Probe shared = new Probe("shared", LOG);
    @StartStop Probe own = new Probe("own", LOG);

    @Test
    void one() {
      LOG.add("test one " + shared.isStarted() + " " + own.isStarted());
    }

    @Test
    void two() {
      LOG.add("test two " + shared.isStarted() + " " + own.isStarted());
    }
  }

  @Test
  void aStaticFieldStartsOnceForTheClassAndClosesAfterItsLastTest() {
    SampleRun run = SampleRun.of(StaticAndInstanceFields.class);

    assertThat(run.failures()).isEmpty();
    assertThat(StaticAndInstanceFields.LOG)
        .containsExactly(
            "start shared",
            "start own",
            "test one true true",
            "close own",
            "start own",
            "test two true true",
            "close own",
            "close shared");
  }

  @ExtendWith(OnlyInSampleRuns.class)
  static class SecondFailsToStart {
    static final List<String> LOG = newLog();
    @StartStop Probe first = new Probe("first", LOG);
    @StartStop Probe second = new Probe("second", LOG, true, false);
    @StartStop Probe third = new Probe("third", LOG);

    @Test
    void neverRuns() {
      LOG.add("test");
    }
  }

  @Test
  void whenAFieldFailsToStartTheOnesStartedAreClosedAndTheTestFailsNamingIt() {
    SampleRun run = SampleRun.of(SecondFailsToStart.class);

    assertThat(SecondFailsToStart.LOG)
        .containsExactly("start first", "start second", "close first");
    assertThat(run.tests())
        .singleElement()
        .satisfies(
            test -> {
              assertThat(test.status()).isEqualTo(Status.FAILED);
              assertThat(test.failure())
                  .get()
                  .asString()
                  .contains(
                      "@StartStop SecondFailsToStart.second failed to start: cannot bind second");
            });
  }

  @ExtendWith(OnlyInSampleRuns.class)
  static class StaticSecondFailsToStart {
    static final List<String> LOG = newLog();
    @StartStop static Probe first = new Probe("first", LOG);
    @StartStop static Probe second = new Probe("second", LOG, true, false);

    @Test
    void neverRuns() {
      LOG.add("test");
    }
  }

  @Test
  void whenAStaticFieldFailsToStartTheClassFailsAndNoTestRuns() {
    SampleRun run = SampleRun.of(StaticSecondFailsToStart.class);

    assertThat(StaticSecondFailsToStart.LOG)
        .containsExactly("start first", "start second", "close first");
    assertThat(run.failures())
        .anySatisfy(
            container -> {
              assertThat(container.isTest()).isFalse();
              assertThat(container.failure())
                  .get()
                  .asString()
                  .contains("@StartStop StaticSecondFailsToStart.second failed to start");
            });
  }

  @ExtendWith(OnlyInSampleRuns.class)
  static class NullField {
    @StartStop FakeMgn mgn;

    @Test
    void neverRuns() {}
  }

  @ExtendWith(OnlyInSampleRuns.class)
  static class NotStartableField {
    @StartStop Object text = "not a fake";

    @Test
    void neverRuns() {}
  }

  @Test
  void aNullOrNonStartableFieldFailsTheTestSayingWhy() {
    assertThat(SampleRun.of(NullField.class).tests())
        .singleElement()
        .satisfies(
            test ->
                assertThat(test.failure())
                    .get()
                    .asString()
                    .contains("@StartStop NullField.mgn failed to start: the field is null"));
    assertThat(SampleRun.of(NotStartableField.class).tests())
        .singleElement()
        .satisfies(
            test ->
                assertThat(test.failure())
                    .get()
                    .asString()
                    .contains("a java.lang.String is not a dev.mgnagent.testkit.Startable"));
  }

  @ExtendWith(OnlyInSampleRuns.class)
  static class SecondFailsToClose {
    static final List<String> LOG = newLog();
    @StartStop Probe first = new Probe("first", LOG);
    @StartStop Probe second = new Probe("second", LOG, false, true);

    @Test
    void runs() {
      LOG.add("test");
    }
  }

  @Test
  void aFieldThatFailsToCloseFailsTheTestAndTheOthersStillClose() {
    SampleRun run = SampleRun.of(SecondFailsToClose.class);

    assertThat(SecondFailsToClose.LOG)
        .containsExactly("start first", "start second", "test", "close second", "close first");
    assertThat(run.tests())
        .singleElement()
        .satisfies(
            test ->
                assertThat(test.failure())
                    .get()
                    .asString()
                    .contains(
                        "@StartStop SecondFailsToClose.second failed to close: cannot stop second"));
  }

  static class Base {
    static final List<String> LOG = newLog();
    @StartStop Probe inherited = new Probe("inherited", LOG);
  }

  @ExtendWith(OnlyInSampleRuns.class)
  static class Sub extends Base {
    @StartStop Probe own = new Probe("own", LOG);

    @Test
    void runs() {
      LOG.add("test");
    }
  }

  @Test
  void superclassFieldsStartFirst() {
    assertThat(SampleRun.of(Sub.class).failures()).isEmpty();
    assertThat(Base.LOG)
        .containsExactly("start inherited", "start own", "test", "close own", "close inherited");
  }

  @ExtendWith(OnlyInSampleRuns.class)
  static class Outer {
    static final List<String> LOG = newLog();
    @StartStop Probe outer = new Probe("outer", LOG);

    @Nested
    class Inner {
      @StartStop Probe inner = new Probe("inner", LOG);

      @Test
      void runs() {
        LOG.add("test " + outer.isStarted() + " " + inner.isStarted());
      }
    }
  }

  @Test
  void aNestedTestGetsTheFieldsOfItsEnclosingInstanceStartedToo() {
    assertThat(SampleRun.of(Outer.class).failures()).isEmpty();
    assertThat(Outer.LOG)
        .containsExactly(
            "start outer", "start inner", "test true true", "close inner", "close outer");
  }

  @ExtendWith(OnlyInSampleRuns.class)
  static class RealFakes {
    static final List<Startable> SEEN = Collections.synchronizedList(new ArrayList<>());
    @StartStop static MgnSandbox sandbox = MgnSandbox.builder().build();
    @StartStop FakeMgn mgn = FakeMgn.builder().initialized(true).build();
    @StartStop FakeInstallerBucket bucket = FakeInstallerBucket.builder().build();

    @Test
    void everyFakeIsServing() {
      SEEN.addAll(List.of(sandbox, mgn, bucket));
      assertThat(sandbox.isStarted()).isTrue();
      assertThat(sandbox.s3Endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(mgn.isStarted()).isTrue();
      assertThat(mgn.isInitialized()).isTrue();
      assertThat(bucket.isStarted()).isTrue();
    }
  }

  @Test
  void worksForFakeMgnTheBucketAndTheSandboxAndClosesThem() {
    SampleRun run = SampleRun.of(RealFakes.class);

    assertThat(run.failures()).isEmpty();
    assertThat(run.tests()).hasSize(1);
    assertThat(RealFakes.SEEN).hasSize(3);
    assertThat(((MgnSandbox) RealFakes.SEEN.get(0)).isStarted()).isFalse();
    assertThat(((FakeMgn) RealFakes.SEEN.get(1)).isStarted()).isFalse();
    assertThat(((FakeInstallerBucket) RealFakes.SEEN.get(2)).isStarted()).isFalse();
  }

  @ExtendWith(OnlyInSampleRuns.class)
  static class NotEnabled {
    static final List<String> LOG = newLog();
    @StartStop static Probe shared = new Probe("shared", LOG);

    @Test
    void neverRuns() {}
  }

  @Test
  void samplesRunOnlyThroughSampleRun() {
    // the condition that keeps the samples out of the build, checked the way the build runs them
    SampleRun run = SampleRun.ofWithoutKey(NotEnabled.class);

    assertThat(run.tests()).isEmpty();
    assertThat(run.skipped()).singleElement().asString().contains("run only by SampleRun");
    assertThat(NotEnabled.LOG).as("a disabled class starts nothing").isEmpty();
  }
}
