package dev.mgnagent.testkit.installer.internal;

import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import dev.mgnagent.testkit.installer.PromptMode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The fake installer's settings, kept in a properties file under its install root: the test side
 * writes it, each run of the launcher reads it.
 */
public final class Control {

  private final Path file;
  private final Properties properties;

  private Control(Path file, Properties properties) {
    this.file = file;
    this.properties = properties;
  }

  public static Control create(
      Path installRoot,
      Path hostRoot,
      Optional<URI> mgnEndpoint,
      PromptMode promptMode,
      boolean lineBuffered,
      boolean reportAliasNames,
      Set<String> alsoReplicate)
      throws IOException {
    Path dir = installRoot.resolve(".fake-installer");
    Files.createDirectories(dir);
    Properties p = new Properties();
    p.setProperty("installRoot", installRoot.toString());
    p.setProperty("hostRoot", hostRoot.toString());
    mgnEndpoint.ifPresent(e -> p.setProperty("mgnEndpoint", e.toString()));
    p.setProperty("promptMode", promptMode.name());
    p.setProperty("lineBuffered", Boolean.toString(lineBuffered));
    p.setProperty("reportAliasNames", Boolean.toString(reportAliasNames));
    p.setProperty("alsoReplicate", String.join(",", alsoReplicate));
    Control control = new Control(dir.resolve("control.properties"), p);
    control.save();
    return control;
  }

  /** Reads the file a launcher names. */
  public static Control read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return new Control(file, p);
  }

  public Path file() {
    return file;
  }

  public Path installRoot() {
    return Path.of(properties.getProperty("installRoot"));
  }

  public Path hostRoot() {
    return Path.of(properties.getProperty("hostRoot"));
  }

  public Optional<URI> mgnEndpoint() {
    return Optional.ofNullable(properties.getProperty("mgnEndpoint")).map(URI::create);
  }

  /** How the binary flavor asks for secrets. */
  public PromptMode promptMode() {
    return PromptMode.valueOf(properties.getProperty("promptMode", PromptMode.GETPASS.name()));
  }

  /** Whether stdout is flushed at each line even on a pipe. */
  public boolean lineBuffered() {
    return Boolean.parseBoolean(properties.getProperty("lineBuffered"));
  }

  /**
   * Whether replicated disks are reported by their first alias name rather than the kernel name.
   */
  public boolean reportAliasNames() {
    return Boolean.parseBoolean(properties.getProperty("reportAliasNames"));
  }

  /** Kernel names of disks the identification adds to every selection. */
  public Set<String> alsoReplicate() {
    String value = properties.getProperty("alsoReplicate", "");
    return value.isEmpty() ? Set.of() : Set.of(value.split(","));
  }

  public Optional<FakeInstallerFailure> failure() {
    return Optional.ofNullable(properties.getProperty("failure"))
        .map(FakeInstallerFailure::valueOf);
  }

  public synchronized void failure(Optional<FakeInstallerFailure> failure) {
    failure.ifPresentOrElse(
        f -> properties.setProperty("failure", f.name()), () -> properties.remove("failure"));
    save();
  }

  private void save() {
    try {
      Path temp = Files.createTempFile(file.getParent(), "control", ".tmp");
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        properties.store(out, "mgn-agent fake installer");
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
