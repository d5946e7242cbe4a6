package dev.mgnagent.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLocatorTest {

  private static final Path NOWHERE = Path.of("/nonexistent-mgn-agent-test");

  @Test
  void bareNameIsFoundOnTheSearchPath() throws IOException {
    ProgramLocator locator = new ProgramLocator(List.of(), NOWHERE + "::/bin");

    assertThat(locator.locate("sh", NOWHERE)).isEqualTo(Path.of("/bin/sh"));
  }

  @Test
  void bareNameMissingFromTheSearchPathIsReportedByName() {
    ProgramLocator locator = new ProgramLocator(List.of(), "/bin");

    assertThatThrownBy(() -> locator.locate("no-such-program-xyz", NOWHERE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no-such-program-xyz")
        .hasMessageContaining("search path");
  }

  @Test
  void relativeSearchPathEntriesAreNeverSearched(@TempDir Path dir) throws IOException {
    Path program = Files.writeString(dir.resolve("mgn-agent-test-program"), "#!/bin/sh\n");
    program.toFile().setExecutable(true, true);
    Path relative = Path.of("").toAbsolutePath().relativize(dir);

    assertThatThrownBy(
            () ->
                new ProgramLocator(List.of(), relative.toString())
                    .locate("mgn-agent-test-program", NOWHERE))
        .isInstanceOf(IOException.class);
    assertThat(
            new ProgramLocator(List.of(), dir.toString()).locate("mgn-agent-test-program", NOWHERE))
        .isEqualTo(program);
  }

  @Test
  void relativePathStartsFromTheWorkingDirectory() throws IOException {
    ProgramLocator locator = new ProgramLocator(List.of(), "");

    assertThat(locator.locate("./bin/../bin/sh", Path.of("/"))).isEqualTo(Path.of("/bin/sh"));
  }

  @Test
  void fileThatCannotBeExecutedIsRefused(@TempDir Path dir) throws IOException {
    Path plain = Files.writeString(dir.resolve("plain"), "#!/bin/sh\n");
    ProgramLocator locator = new ProgramLocator(List.of(), "");

    assertThatThrownBy(() -> locator.locate(plain.toString(), NOWHERE))
        .hasMessageContaining(plain.toString())
        .hasMessageContaining("not an executable file");
    assertThatThrownBy(() -> locator.locate(dir.toString(), NOWHERE))
        .hasMessageContaining("not an executable file");
    assertThatThrownBy(() -> locator.locate(dir + "/missing", NOWHERE))
        .hasMessageContaining(dir + "/missing")
        .hasMessageContaining("no such file");
  }

  @Test
  void setsidIsLookedUpInTheFixedLocationsFirst() {
    ProgramLocator locator =
        new ProgramLocator(List.of(NOWHERE.resolve("setsid"), Path.of("/bin/sh")), "/usr/bin");

    assertThat(locator.setsid()).contains(Path.of("/bin/sh"));
  }

  @Test
  void setsidIsLookedUpOnTheSearchPathLast() {
    ProgramLocator locator = new ProgramLocator(List.of(NOWHERE.resolve("setsid")), "/usr/bin");

    assertThat(locator.setsid()).contains(Path.of("/usr/bin/setsid"));
  }

  @Test
  void setsidCanBeMissing() {
    assertThat(new ProgramLocator(List.of(NOWHERE), NOWHERE.toString()).setsid()).isEmpty();
  }
}
