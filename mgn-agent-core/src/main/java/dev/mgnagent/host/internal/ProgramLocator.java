package dev.mgnagent.host.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds executables the way the JDK's {@link ProcessBuilder} does: a name containing {@code /} is a
 * path (relative to the working directory), any other name is looked up on the JVM's search path.
 * Also finds the {@code setsid} program used to start processes in a new session.
 */
final class ProgramLocator {

  private static final List<Path> SETSID_LOCATIONS =
      List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
  private static final String DEFAULT_SEARCH_PATH = "/bin:/usr/bin";

  private final List<Path> setsidLocations;
  private final List<Path> searchPath;

  /**
   * @param setsidLocations where to look for {@code setsid} before the search path
   * @param searchPath a {@code PATH}-style list; empty and relative entries are ignored
   */
  ProgramLocator(List<Path> setsidLocations, String searchPath) {
    this.setsidLocations = List.copyOf(setsidLocations);
    this.searchPath = parse(searchPath);
  }

  /** Looks in {@code /usr/bin}, {@code /bin}, then this JVM's {@code PATH}. */
  static ProgramLocator forThisJvm() {
    String path = System.getenv("PATH");
    return new ProgramLocator(SETSID_LOCATIONS, path == null ? DEFAULT_SEARCH_PATH : path);
  }

  /** The {@code setsid} program, if installed. */
  Optional<Path> setsid() {
    List<Path> candidates = new ArrayList<>(setsidLocations);
    searchPath.forEach(dir -> candidates.add(dir.resolve("setsid")));
    return candidates.stream().filter(ProgramLocator::isExecutableFile).findFirst();
  }

  /**
   * The absolute path of {@code program}.
   *
   * @param workingDirectory the directory a relative path such as {@code ./run} starts from
   * @throws IOException naming the program and saying why it cannot be run
   */
  Path locate(String program, Path workingDirectory) throws IOException {
    try {
      return program.contains("/") ? asPath(program, workingDirectory) : onSearchPath(program);
    } catch (InvalidPathException e) {
      throw new IOException("cannot start " + program + ": not a valid file name", e);
    }
  }

  private static Path asPath(String program, Path workingDirectory) throws IOException {
    Path path = workingDirectory.resolve(program).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new IOException("cannot start " + program + ": no such file");
    }
    if (!isExecutableFile(path)) {
      throw new IOException("cannot start " + program + ": not an executable file");
    }
    return path;
  }

  private Path onSearchPath(String program) throws IOException {
    for (Path dir : searchPath) {
      Path candidate = dir.resolve(program);
      if (isExecutableFile(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    throw new IOException("cannot start " + program + ": no such program on the search path");
  }

  private static boolean isExecutableFile(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }

  private static List<Path> parse(String searchPath) {
    List<Path> dirs = new ArrayList<>();
    for (String entry : searchPath.split(":")) {
      if (entry.isEmpty()) {
        continue; // an empty entry would mean "the current directory": never search it
      }
      try {
        Path dir = Path.of(entry);
        if (dir.isAbsolute()) { // ".", "bin": relative to whatever the cwd is; never searched
          dirs.add(dir);
        }
      } catch (InvalidPathException e) {
        // not a directory name; nothing can be found there
      }
    }
    return List.copyOf(dirs);
  }
}
