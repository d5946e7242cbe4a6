package dev.mgnagent.host.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.host.Command;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewSessionWithoutSetsidTest {

  @Test
  void missingSetsidIsReportedWithTheRemedy() {
    LocalCommandRunner runner =
        new LocalCommandRunner(
            new ProgramLocator(List.of(), ""), new SessionScanner(Path.of("/proc")));

    assertThatThrownBy(() -> runner.start(Command.of("/bin/true").withNewSession(true)))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "cannot start /bin/true in a new session: the setsid program was not found;"
                + " install util-linux");
  }
}
