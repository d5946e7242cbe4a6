package dev.mgnagent.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@code mgn-agent install} command line under a real pseudo-terminal ({@code script
 * -qfec}) and answers like an operator: the secret at its prompt, then Enter at the disk prompt.
 * Each answer is typed only once its prompt is shown, so the terminal never echoes it early.
 */
final class PseudoTerminal {

  /** What the terminal showed and how the command ended. */
  record Transcript(String text, int exitCode) {}

  private PseudoTerminal() {}

  static Transcript installTypingSecret(String commandLine, String secret) throws Exception {
    Process script =
        new ProcessBuilder("/usr/bin/script", "-qfec", commandLine, "/dev/null")
            .redirectErrorStream(true)
            .start();
    StringBuilder transcript = new StringBuilder();
    try {
      InputStream out = script.getInputStream();
      OutputStream in = script.getOutputStream();
      readUntil(out, transcript, "AWS Secret Access Key:");
      in.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      readUntil(out, transcript, "press Enter:");
      in.write("\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      readUntil(out, transcript, "mgn-agent: installed; source server s-");
      if (!script.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("still running after the install:\n" + transcript);
      }
      transcript.append(new String(out.readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      script.destroyForcibly();
    }
    return new Transcript(transcript.toString(), script.exitValue());
  }

  private static void readUntil(InputStream in, StringBuilder transcript, String marker)
      throws Exception {
    byte[] buffer = new byte[4096];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (transcript.indexOf(marker) < 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + marker + "' in:\n" + transcript);
      }
      int n = in.read(buffer);
      if (n < 0) {
        throw new AssertionError("ended before '" + marker + "':\n" + transcript);
      }
      transcript.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
    }
  }
}
