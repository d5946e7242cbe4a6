package dev.mgnagent.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.testkit.host.FakeLinuxHost;
import dev.mgnagent.testkit.host.FakeLinuxHosts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps README.md and docs/ true to the code. Every {@code ```java} block carries a marker line
 * {@code <!-- snippet:NAME -->} and equals the region between {@code // snippet:NAME} and {@code //
 * end-snippet} of a source under examples/src (indentation normalised); the checks table of
 * docs/preflight-checks.md lists exactly the checks {@link Preflight} runs, in its order, with
 * their titles.
 */
class DocsInSyncTest {

  private static final Pattern SOURCE_START = Pattern.compile("^\\s*// snippet:([\\w-]+)\\s*$");
  private static final Pattern SOURCE_END = Pattern.compile("^\\s*// end-snippet\\s*$");
  private static final Pattern DOC_MARK = Pattern.compile("^<!-- snippet:([\\w-]+) -->\\s*$");
  private static final Pattern CHECK_ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| ([^|]+) \\|");

  @TempDir Path temp;

  @Test
  void everyMarkedDocBlockEqualsItsSnippetSource() throws IOException {
    Path root = projectRoot();
    Map<String, String> snippets = new java.util.HashMap<>(snippets(root.resolve("examples/src")));
    snippets.putAll(snippets(root.resolve("mgn-agent-testkit/src/test")));
    List<Path> docs = documents(root);
    List<String> problems = new ArrayList<>();
    int blocks = 0;
    for (Path doc : docs) {
      unmarkedJavaBlocks(doc)
          .forEach(
              line ->
                  problems.add(
                      root.relativize(doc)
                          + ":"
                          + line
                          + ": a java block without a <!-- snippet:NAME --> line before it"));
      for (Map.Entry<String, String> block : markedBlocks(doc).entrySet()) {
        blocks++;
        String name = block.getKey().substring(block.getKey().indexOf('#') + 1);
        String source = snippets.get(name);
        if (source == null) {
          problems.add(root.relativize(doc) + ": no source has '// snippet:" + name + "'");
        } else if (!source.equals(block.getValue())) {
          problems.add(
              root.relativize(doc)
                  + ": block '"
                  + name
                  + "' differs from its source;"
                  + " copy this region:\n"
                  + source);
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(blocks).as("marked blocks in README.md and docs/").isGreaterThanOrEqualTo(4);
  }

  @Test
  void readmeStartsWithTheTwoCommands() throws IOException {
    List<String> lines = Files.readAllLines(projectRoot().resolve("README.md"));
    assertThat(lines.subList(0, 6))
        .containsExactly(
            "# mgn-agent",
            "",
            "```sh",
            "./mgn-agent install --sandbox --no-prompt   # build the CLI if needed, then install against"
                + " local fakes",
            "mvn -B verify                               # build everything and run all tests (what CI"
                + " runs)",
            "```");
  }

  @Test
  void blocksAreReadAndUnmarkedJavaBlocksFound() throws IOException {
    Path doc =
        Files.writeString(
            temp.resolve("doc.md"),
            "# t\n\n<!-- snippet:x -->\n```java\n" + "    int a = 1;\n      a++;\n```\n");
    assertThat(markedBlocks(doc)).containsEntry("doc.md:3#x", "int a = 1;\n  a++;");

    Path loose =
        Files.writeString(
            temp.resolve("loose.md"),
            "<!-- snippet:x -->\n```java\nf();\n```"
                + "\n\n```java\ng();\n```\n```text\nout\n```\n");
    assertThat(unmarkedJavaBlocks(loose)).containsExactly(6);

    Path bad = Files.writeString(temp.resolve("bad.md"), "<!-- snippet:x -->\ntext\n");
    assertThatThrownBy(() -> markedBlocks(bad))
        .hasMessageContaining("not followed by a code block");
  }

  @Test
  void snippetRegionsAreFoundAndNormalised() throws IOException {
    Path src = temp.resolve("src");
    Files.createDirectories(src);
    Files.writeString(
        src.resolve("A.java"),
        "class A {\n  void f() {\n    // snippet:s\n"
            + "    g();\n      h();  \n    // end-snippet\n  }\n}\n");
    assertThat(snippets(src)).containsExactly(Map.entry("s", "g();\n  h();"));

    Files.writeString(src.resolve("B.java"), "// snippet:s\nx();\n// end-snippet\n");
    assertThatThrownBy(() -> snippets(src)).hasMessageContaining("twice");
  }

  @Test
  void preflightChecksTableListsEveryCheckInReportOrder() throws IOException {
    FakeLinuxHost host = FakeLinuxHosts.healthyRhel9().writeTo(temp);
    List<String> actual =
        Preflight.builder().host(host).fileSystemSpace(host.space()).build().run().checks().stream()
            .map(c -> c.id() + " | " + c.title())
            .toList();
    assertThat(Preflight.checkIds())
        .isEqualTo(actual.stream().map(s -> s.substring(0, s.indexOf(' '))).toList());

    List<String> documented = new ArrayList<>();
    for (String line : Files.readAllLines(projectRoot().resolve("docs/preflight-checks.md"))) {
      Matcher m = CHECK_ROW.matcher(line);
      if (m.find()) {
        documented.add(m.group(1) + " | " + m.group(2).trim());
      }
    }
    assertThat(documented)
        .as("docs/preflight-checks.md rows (`id` | title), in Preflight.checkIds() order")
        .containsExactlyElementsOf(actual);
  }

  /** The checkout's root: the nearest directory up from here holding README.md and docs/. */
  static Path projectRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md"))
          && Files.isDirectory(p.resolve("docs"))
          && Files.isDirectory(p.resolve("examples"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no README.md with docs/ above " + Path.of("").toAbsolutePath());
  }

  private static List<Path> documents(Path root) throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(root.resolve("README.md"));
    try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** Every snippet region of the .java files under {@code dir}, by name, normalised. */
  static Map<String, String> snippets(Path dir) throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(dir)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    for (Path source : sources) {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      String name = null;
      List<String> region = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        Matcher start = SOURCE_START.matcher(line);
        if (name == null && start.matches()) {
          name = start.group(1);
          region.clear();
        } else if (name != null && SOURCE_END.matcher(line).matches()) {
          if (found.put(name, normalise(region)) != null) {
            throw new IllegalStateException(
                "snippet '" + name + "' defined twice (" + source + ")");
          }
          name = null;
        } else if (name != null) {
          region.add(line);
        }
      }
      if (name != null) {
        throw new IllegalStateException(source + ": snippet '" + name + "' has no end-snippet");
      }
    }
    return found;
  }

  /** The line numbers of the {@code ```java} blocks of {@code doc} that have no snippet marker. */
  static List<Integer> unmarkedJavaBlocks(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    List<Integer> unmarked = new ArrayList<>();
    boolean inBlock = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith("```")) {
        continue;
      }
      if (!inBlock
          && line.equals("```java")
          && (i == 0 || !DOC_MARK.matcher(lines.get(i - 1)).matches())) {
        unmarked.add(i + 1);
      }
      inBlock = !inBlock;
    }
    return unmarked;
  }

  /** Every code block of {@code doc} preceded by a snippet marker, keyed "file:line#name". */
  static Map<String, String> markedBlocks(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    Map<String, String> blocks = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher mark = DOC_MARK.matcher(lines.get(i));
      if (!mark.matches()) {
        continue;
      }
      String where = doc.getFileName() + ":" + (i + 1);
      if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("```")) {
        throw new IllegalStateException(where + ": snippet marker not followed by a code block");
      }
      List<String> body = new ArrayList<>();
      int j = i + 2;
      while (j < lines.size() && !lines.get(j).startsWith("```")) {
        body.add(lines.get(j++));
      }
      if (j >= lines.size()) {
        throw new IllegalStateException(where + ": code block never closed");
      }
      blocks.put(where + "#" + mark.group(1), normalise(body));
      i = j;
    }
    return blocks;
  }

  /** Trailing spaces and the indentation common to all non-blank lines removed. */
  static String normalise(List<String> lines) {
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
        .collect(Collectors.joining("\n"))
        .replaceAll("^\n+|\n+$", "");
  }
}
