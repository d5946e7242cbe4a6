package dev.mgnagent.testkit.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fake installer must be able to disagree with mgn-agent: its sources use none of core's disk,
 * selection or host code (it reads the host tree with its own code).
 */
class FakeInstallerIndependenceTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/mgnagent/testkit/installer");
  private static final List<String> FORBIDDEN =
      List.of("dev.mgnagent.disk", "dev.mgnagent.selection", "dev.mgnagent.host");

  @Test
  void importsNoneOfCoresDiskSelectionOrHostCode() throws IOException {
    assertThat(SOURCES).as("run from the mgn-agent-testkit module directory").isDirectory();
    List<String> offending = new ArrayList<>();
    int files = 0;
    try (Stream<Path> all = Files.walk(SOURCES)) {
      for (Path file : all.filter(f -> f.toString().endsWith(".java")).toList()) {
        files++;
        for (String line : Files.readAllLines(file)) {
          for (String pkg : FORBIDDEN) {
            // an import, or a fully qualified use anywhere in the code
            if (line.contains(pkg + ".")) {
              offending.add(file.getFileName() + ": " + line.strip());
            }
          }
        }
      }
    }

    assertThat(files).isGreaterThan(5);
    assertThat(offending).isEmpty();
  }
}
