package dev.mgnagent.testkit.disk.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recreates a fixture captured verbatim from a real machine. Maven resources can hold neither
 * symlinks nor empty directories, so each fixture has a manifest, {@code tree.txt}, with one entry
 * a line:
 *
 * <pre>
 * dir     &lt;path&gt;
 * file    &lt;path&gt; &lt;resource under files/&gt;
 * node    &lt;path&gt;
 * symlink &lt;path&gt; &lt;target&gt;
 * </pre>
 *
 * Paths are relative to the host root; {@code #} starts a comment line.
 */
public final class VerbatimFixture {

  private static final String BASE = "/dev/mgnagent/testkit/fixtures/";

  private VerbatimFixture() {}

  /**
   * One manifest entry.
   *
   * @param kind {@code dir}, {@code file}, {@code node} or {@code symlink}
   * @param path the path relative to the host root
   * @param argument the resource name for a file, the link target for a symlink, else empty
   */
  public record Entry(String kind, String path, String argument) {}

  /** The manifest of fixture {@code name}. */
  public static List<Entry> manifest(String name) {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = open(name, "tree.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 2 || parts.length > 3) {
          throw new IllegalStateException("bad manifest line in " + name + ": " + line);
        }
        entries.add(new Entry(parts[0], parts[1], parts.length == 3 ? parts[2] : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read manifest of fixture " + name, e);
    }
    return entries;
  }

  /** The captured bytes of resource {@code resource} of fixture {@code name}. */
  public static byte[] bytes(String name, String resource) {
    try (InputStream in = open(name, "files/" + resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " of fixture " + name, e);
    }
  }

  /** Writes fixture {@code name} under {@code target} (missing or empty). */
  public static Path write(String name, Path target) {
    TreeFiles files = TreeFiles.createRoot(target);
    for (Entry entry : manifest(name)) {
      Path path = TreeFiles.checkRelative(entry.path());
      switch (entry.kind()) {
        case "dir" -> files.dir(path);
        case "file" -> files.bytes(path, bytes(name, entry.argument()));
        case "node" -> files.node(path);
        case "symlink" -> files.symlink(path, entry.argument());
        default -> throw new IllegalStateException("unknown manifest entry kind: " + entry.kind());
      }
    }
    return files.root();
  }

  private static InputStream open(String name, String resource) {
    InputStream in = VerbatimFixture.class.getResourceAsStream(BASE + name + "/" + resource);
    if (in == null) {
      throw new IllegalStateException("fixture resource missing: " + BASE + name + "/" + resource);
    }
    return in;
  }
}
