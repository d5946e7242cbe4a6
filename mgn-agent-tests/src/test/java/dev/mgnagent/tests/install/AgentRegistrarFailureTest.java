package dev.mgnagent.tests.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.installer.InstallerFailedException;
import dev.mgnagent.installer.InstallerFailure;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerOutput;
import dev.mgnagent.installer.InstallerStarted;
import dev.mgnagent.installer.RegistrationRequest;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.selection.SelectionRequest;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented way the installer fails, mapped to its typed error; nothing leaks. */
class AgentRegistrarFailureTest {

  @TempDir Path temp;

  private InstallFixture fixture;
  private VerificationResult.Verified installer;

  @BeforeEach
  void start() {
    fixture =
        new InstallFixture(
            temp, FakeBlockDeviceScenarios.virtioWithSeparateBoot(), InstallerFlavor.BINARY);
    installer = fixture.verified(InstallerFlavor.BINARY);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private RegistrationRequest request() {
    return fixture
        .request(fixture.mgn.adminCredentials(), fixture.select(SelectionRequest.allDisks()))
        .build();
  }

  static Stream<Arguments> documentedFailures() {
    return Stream.of(
        Arguments.of(
            FakeInstallerFailure.ACCOUNT_NOT_INITIALIZED, InstallerFailure.ACCOUNT_NOT_INITIALIZED),
        Arguments.of(
            FakeInstallerFailure.INVALID_CREDENTIALS, InstallerFailure.INVALID_CREDENTIALS),
        Arguments.of(
            FakeInstallerFailure.PREVIOUSLY_INSTALLED, InstallerFailure.PREVIOUSLY_INSTALLED),
        Arguments.of(
            FakeInstallerFailure.KERNEL_HEADERS_MISSING, InstallerFailure.KERNEL_HEADERS_MISSING),
        Arguments.of(FakeInstallerFailure.GCC_MISSING, InstallerFailure.GCC_MISSING),
        Arguments.of(FakeInstallerFailure.NOT_ROOT, InstallerFailure.NOT_ROOT),
        Arguments.of(FakeInstallerFailure.CRASH, InstallerFailure.CRASHED),
        Arguments.of(FakeInstallerFailure.SILENT_EXIT, InstallerFailure.CRASHED));
  }

  @ParameterizedTest
  @MethodSource("documentedFailures")
  void eachFailureIsMappedToItsTypedError(FakeInstallerFailure mode, InstallerFailure expected) {
    fixture.installer.failWith(mode);

    assertThatThrownBy(() -> fixture.registrar().build().register(installer, request()))
        .isInstanceOfSatisfying(
            InstallerFailedException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(expected);
              assertThat(e.exitCode()).isPresent();
              assertThat(e.getMessage()).contains(expected.remedy());
            });
  }

  @Test
  void echoedSecretIsMaskedInEventsAndErrors() {
    fixture.installer.failWith(FakeInstallerFailure.ECHO_SECRET);
    String secret = fixture.mgn.adminCredentials().secretAccessKey();

    assertThatThrownBy(() -> fixture.registrar().build().register(installer, request()))
        .isInstanceOfSatisfying(
            InstallerFailedException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain(secret);
              assertThat(String.join("\n", e.lastLines())).doesNotContain(secret).contains("****");
            });
    assertThat(fixture.events.events(InstallerOutput.class))
        .extracting(Object::toString)
        .noneMatch(line -> line.contains(secret))
        .anyMatch(line -> line.contains("****"));
  }

  @Test
  void hangIsKilledAtTheTimeoutWithNoProcessLeft() throws Exception {
    fixture.installer.failWith(FakeInstallerFailure.HANG);

    // the session is known from the start event (the installer leads its own session), so the
    // timeout need not wait for the fake's JVM: whatever of the tree exists by then must go
    assertThatThrownBy(
            () ->
                fixture
                    .registrar()
                    .timeout(Duration.ofSeconds(3))
                    .build()
                    .register(installer, request()))
        .isInstanceOfSatisfying(
            InstallerFailedException.class,
            e -> assertThat(e.failure()).isEqualTo(InstallerFailure.TIMED_OUT));

    long session = fixture.events.events(InstallerStarted.class).get(0).pid();
    assertThat(awaitNoProcessInSession(session))
        .as("processes left in session " + session)
        .isEmpty();
  }

  @Test
  void forceVolumesWithoutTheOptInIsRefusedBeforeAnythingRuns() {
    RegistrationRequest forced =
        fixture
            .request(
                fixture.mgn.adminCredentials(),
                fixture.select(SelectionRequest.forced("/dev/vda,/dev/vdb")))
            .build();

    assertThatThrownBy(() -> fixture.registrar().build().register(installer, forced))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("allow that explicitly");
    assertThat(fixture.installer.runs()).isEmpty();
  }

  private static List<Long> awaitNoProcessInSession(long session) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<Long> left = membersOf(session);
    while (!left.isEmpty() && System.nanoTime() - deadline < 0) {
      Thread.sleep(50);
      left = membersOf(session);
    }
    return left;
  }

  private static List<Long> membersOf(long session) throws Exception {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(
              p -> {
                try {
                  String stat = Files.readString(p.resolve("stat"));
                  return stat.substring(stat.lastIndexOf(')') + 2)
                      .split(" ")[3]
                      .equals(Long.toString(session));
                } catch (Exception e) {
                  return false;
                }
              })
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .toList();
    }
  }
}
