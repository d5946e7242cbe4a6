package dev.mgnagent.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link RunPreflight} on testkit servers. */
class RunPreflightTest {

  @TempDir Path temp;

  private String run(String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      RunPreflight.main(args);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTroubledServerIsNotReadyAndEachProblemHasAFix() throws Exception {
    String out = run("troubledUbuntu1404", temp.toString());

    assertThat(out)
        .contains("FAIL boot.secure-boot: EFI variable SecureBoot is 1")
        .contains("FAIL conflicts.cloudendure")
        .contains("  fix: ")
        .endsWith("not ready to install\n");
  }

  @Test
  void aHealthyServerIsReady() throws Exception {
    assertThat(run("healthyRhel9", temp.toString())).isEqualTo("ready to install\n");
  }
}
