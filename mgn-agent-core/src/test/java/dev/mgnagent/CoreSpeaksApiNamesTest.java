package dev.mgnagent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's messages name API parameters ({@code skipPreflight}), never mgn-agent's command-line flags
 * ({@code --skip-preflight}): the CLI maps them through its flag table. The installer's own argv
 * (built in {@code InstallerCommandLine}) and the installer's flags it explains are not mgn-agent's
 * flags.
 */
class CoreSpeaksApiNamesTest {

  /** mgn-agent's flags, as they would appear inside a string literal. */
  private static final Pattern FLAG =
      Pattern.compile(
          "--(skip-preflight|initialize-service|s3-endpoint|endpoint|region|profile|devices"
              + "|host-root|source-server-id|replication-server|flavor|tags|sha512|sandbox"
              + "|aws-secret-access-key-stdin|allow-secret-on-command-line|work-dir)\\b");

  private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  @Test
  void noStringLiteralInCoreNamesAnMgnAgentFlag() throws IOException {
    Path main = Path.of("src/main/java");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = file.getFileName().toString();
        if (name.equals("InstallerCommandLine.java") || name.equals("SsmInstallScript.java")) {
          continue; // the installer's argv (SsmInstallScript writes it into a node's script)
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.strip().startsWith("*")
              || line.strip().startsWith("/*")
              || line.strip().startsWith("//")) {
            continue;
          }
          Matcher literal = LITERAL.matcher(line);
          while (literal.find()) {
            if (FLAG.matcher(literal.group()).find() && !literal.group().contains("installer's")) {
              found.add(main.relativize(file) + ":" + (i + 1) + ": " + literal.group());
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
