package dev.mgnagent.install.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer's temporary directory follows the host's $TMPDIR, as preflight's check does. */
class DownloadsTmpdirTest {

  @TempDir Path tmpdir;

  @Test
  void anAbsoluteTmpdirIsWhereTheDirectoryIsCreated() throws Exception {
    Path created = Downloads.temporaryDirectory(Map.of("TMPDIR", tmpdir.toString()));

    assertThat(created.getParent()).isEqualTo(tmpdir);
    assertThat(created.getFileName().toString()).startsWith("mgn-agent-installer-");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created)))
        .isEqualTo("rwx------");
  }

  @Test
  void withoutTmpdirOrWithARelativeOneJavaIoTmpdirIsUsed() throws Exception {
    Path javaTmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();

    Path unset = Downloads.temporaryDirectory(Map.of());
    Path relative = Downloads.temporaryDirectory(Map.of("TMPDIR", "relative/dir"));
    try {
      assertThat(unset.getParent().toAbsolutePath()).isEqualTo(javaTmp);
      assertThat(relative.getParent().toAbsolutePath()).isEqualTo(javaTmp);
    } finally {
      Files.delete(unset);
      Files.delete(relative);
    }
  }
}
