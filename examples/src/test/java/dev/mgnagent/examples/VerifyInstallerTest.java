package dev.mgnagent.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyInstallerTest {

  @TempDir Path dir;

  @Test
  void exampleResumesAndVerifiesTheInstaller() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      VerifyInstaller.main(new String[] {dir.toString()});
    } finally {
      System.setOut(original);
    }

    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("retrying from byte 400000").contains("verified ");
    assertThat(Files.isExecutable(dir.resolve("aws-replication-installer-init"))).isTrue();
  }
}
