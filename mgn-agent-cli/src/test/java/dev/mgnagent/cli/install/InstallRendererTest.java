package dev.mgnagent.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.installer.InstallerOutput;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The installer's transcript and step summaries reach the terminal escaped. */
class InstallRendererTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final InstallRenderer renderer =
      new InstallRenderer(new PrintWriter(out), new PrintWriter(err), true);

  @Test
  void installerOutputLinesAreEscaped() {
    renderer.onEvent(new InstallerOutput("Installing\u001b[2J\u001b]0;pwned\u0007 done\r", false));

    assertThat(out.toString())
        .isEqualTo("Installing\\u001b[2J\\u001b]0;pwned\\u0007 done\\u000d\n");
  }

  @Test
  void multiLineSummariesKeepTheirLinesAndEscapeTheRest() {
    renderer.onEvent(
        new InstallStepFinished(
            InstallStep.SELECT_DISKS,
            "Disk to replicate identified: /dev/sda\u001b[31m\nDisk to replicate identified: /dev/sdb"));

    assertThat(out.toString())
        .isEqualTo(
            "Disk to replicate identified: /dev/sda\\u001b[31m\n"
                + "Disk to replicate identified: /dev/sdb\n");
  }
}
