package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mgnagent.cli.disks.DisksCommand;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code disks} command line runs without picocli, and any command line starting with
 * {@code disks} gives the same exit code, stdout and stderr with that shortcut as through picocli:
 * checked on listed lines and on random ones made of the options, their values and mistakes (a
 * stack trace's frames aside).
 */
class DisksWithoutPicocliTest {

  @TempDir Path temp;

  private String tree;
  private String otherTree;

  @BeforeEach
  void trees() {
    tree = FakeBlockDeviceScenarios.nitroNvme().writeTo(temp.resolve("nitro")).toString();
    otherTree =
        FakeBlockDeviceScenarios.all()
            .get("virtioWithSeparateBoot")
            .get()
            .writeTo(temp.resolve("virtio"))
            .toString();
  }

  @Test
  void plainLinesTakeTheShortcutAndOthersDoNot() {
    assertThat(shortcut("disks")).isTrue();
    assertThat(shortcut("disks", "--json", "--host-root", tree, "--devices", "/dev/nvme0n1"))
        .isTrue();
    assertThat(shortcut("disks", "--host-root=" + tree, "--force-volumes", "--no-prompt")).isTrue();
    assertThat(shortcut("disks", "--stacktrace", "--json")).isTrue();
    for (List<String> other :
        List.of(
            List.of("disks", "--help"),
            List.of("disks", "--json", "--json"),
            List.of("disks", "--json=true"),
            List.of("disks", "--host-root"),
            List.of("disks", "--devices", "--json"),
            List.of("disks", "--", "x"),
            List.of("disks", "@args.txt"),
            List.of("--stacktrace", "disks"),
            List.of("status"))) {
      assertThat(shortcut(other.toArray(String[]::new))).as(other.toString()).isFalse();
    }
  }

  @Test
  void listedLinesGiveWhatPicocliGives() {
    String missing = temp.resolve("missing").toString();
    for (List<String> line :
        List.of(
            List.of("disks", "--host-root", tree),
            List.of("disks", "--json", "--host-root", otherTree, "--devices", "/dev/vdb1"),
            List.of("disks", "--host-root", tree, "--devices", "/dev/nope", "--json"),
            List.of("disks", "--host-root=" + tree, "--force-volumes", "--devices", "/dev/nvme0n1"),
            List.of(
                "disks",
                "--host-root",
                tree,
                "--no-prompt",
                "--force-volumes",
                "--devices=/dev/nvme0n1"),
            List.of(
                "disks", "--host-root", tree, "--force-volumes", "--no-prompt", "--devices", ""),
            List.of("disks", "--host-root", missing),
            List.of("disks", "--host-root", "/tmp/a\u0000b"),
            List.of("disks", "--host-root", missing, "--json", "--stacktrace"),
            List.of("disks", "--host-root", temp.toString()))) {
      assertSame(line);
    }
  }

  @Test
  void randomLinesGiveWhatPicocliGives() {
    List<String> words =
        List.of(
            "--json",
            "--host-root",
            tree,
            "--host-root=" + otherTree,
            "--devices",
            "/dev/nvme0n1",
            "--devices=/dev/vdb1,/dev/vda",
            "",
            "--force-volumes",
            "--no-prompt",
            "--stacktrace",
            "--json=false",
            "--jso",
            "-h",
            "--",
            "x");
    qt().withExamples(150)
        .forAll(lists().of(integers().between(0, words.size() - 1)).ofSizeBetween(0, 6))
        .checkAssert(
            picks -> {
              List<String> line = new ArrayList<>(List.of("disks"));
              picks.forEach(i -> line.add(words.get(i)));
              assertSame(line);
            });
  }

  private static boolean shortcut(String... args) {
    return DisksCommand.parsedWithoutPicocli(args).isPresent();
  }

  private void assertSame(List<String> line) {
    String[] args = line.toArray(String[]::new);
    assertThat(withoutFrames(run(args, true)))
        .as(line.toString())
        .isEqualTo(withoutFrames(run(args, false)));
  }

  /** With {@code --stacktrace}, the frames differ by the path taken: compared without them. */
  private static CliRun withoutFrames(CliRun run) {
    return new CliRun(
        run.exitCode(), run.out(), run.err().replaceAll("(?m)^\\s+(at |\\.\\.\\. ).*\n", ""));
  }

  private static CliRun run(String[] args, boolean shortcut) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(Map.of());
    int code =
        new CommandLineRunner(
                Subcommands.all(context), new PrintWriter(out), new PrintWriter(err), shortcut)
            .run(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
