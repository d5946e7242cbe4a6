package dev.mgnagent.host.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionScannerTest {

  @TempDir Path proc;

  @Test
  void membersAreTheProcessesWhoseSessionMatches() throws IOException {
    stat("10", "10 (sh) S 1 10 10 0 -1 0");
    stat("11", "11 (sleep 1000) S 1 11 10 0 -1 0");
    stat("12", "12 (other) S 1 12 5 0 -1 0");
    stat("13", "13 ((a) b (c)) Z 1 13 10 0 -1 0");

    assertThat(new SessionScanner(proc).members(10)).containsExactlyInAnyOrder(10L, 11L, 13L);
  }

  @Test
  void entriesThatAreNotProcessesAreIgnored() throws IOException {
    stat("self", "10 (java) S 1 10 10 0 -1 0");
    stat("thread-self", "10 (java) S 1 10 10 0 -1 0");
    Files.writeString(proc.resolve("uptime"), "1.0 2.0\n");
    Files.createDirectories(proc.resolve("20")); // vanished: its directory is empty
    stat("21", "garbage");

    assertThat(new SessionScanner(proc).members(10)).isEmpty();
    assertThat(new SessionScanner(proc).sessionOf(20)).isEmpty();
  }

  @Test
  void commWithBytesThatAreNotUtf8IsStillRead() throws IOException {
    Path dir = Files.createDirectories(proc.resolve("30"));
    byte[] head = "30 (bad".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ") S 1 30 10 0 -1 0\n".getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, line, 0, head.length);
    line[head.length] = (byte) 0xff;
    line[head.length + 1] = (byte) 0xc3;
    System.arraycopy(tail, 0, line, head.length + 2, tail.length);
    Files.write(dir.resolve("stat"), line);

    assertThat(new SessionScanner(proc).members(10)).containsExactly(30L);
  }

  private void stat(String pid, String line) throws IOException {
    Files.writeString(Files.createDirectories(proc.resolve(pid)).resolve("stat"), line + "\n");
  }
}
