package dev.mgnagent.preflight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.host.LocalHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A probe that hangs (an lsattr or sudo stuck on LDAP) is stopped at the timeout. */
class HostViewTimeoutTest {

  @TempDir Path dir;

  @Test
  void aHungProbeIsStoppedAndReportedAsNotEnding() throws Exception {
    Path shim = dir.resolve("lsattr");
    Files.writeString(shim, "#!/bin/sh\nexec /bin/sleep 1000\n");
    Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwx------"));
    HostView view = new HostView(LocalHost.create(), Optional.empty(), Duration.ofMillis(300));

    CommandOutcome outcome = view.run(shim.toString(), "/etc/passwd");

    assertThat(outcome.started()).isTrue();
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.exitCode()).isEqualTo(-1);
    assertThat(outcome.stderr()).startsWith(shim + " did not end within 300 ms and was stopped");
  }
}
