package dev.mgnagent.installer.internal;

import dev.mgnagent.MgnAgentException;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandResult;
import dev.mgnagent.host.Host;
import dev.mgnagent.installer.InstallerMismatchException;
import dev.mgnagent.installer.InstallerUploadRemoved;
import dev.mgnagent.installer.InstallerUploaded;
import dev.mgnagent.installer.VerificationResult;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The verified installer on a host whose files are not this machine's (an SSH host): uploaded
 * through {@link Host#root()} into a new private (0700) directory under the host's {@code TMPDIR}
 * (else {@code /tmp}), its SHA-512 computed on the host with {@code sha512sum} and compared with
 * the verified download before anything runs it, and that directory removed by {@link #close()}
 * after a success, a failure or a cancel.
 */
public final class RemoteInstaller implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  private final Host host;
  private final EventListener listener;
  private final Path directory;
  private final Path file;
  private boolean closed;

  private RemoteInstaller(Host host, EventListener listener, Path directory, Path file) {
    this.host = host;
    this.listener = listener;
    this.directory = directory;
    this.file = file;
  }

  /** Whether {@code host}'s files are on another machine, so the installer must be uploaded. */
  public static boolean isRemote(Host host) {
    return !host.root().getFileSystem().equals(FileSystems.getDefault());
  }

  /**
   * Uploads and checks {@code installer}.
   *
   * @throws MgnAgentException when the host has no {@code sha512sum} (nothing is uploaded) or the
   *     upload fails
   * @throws InstallerMismatchException when the host computes another SHA-512 (the upload is
   *     removed; nothing ran)
   */
  public static RemoteInstaller upload(
      Host host, VerificationResult.Verified installer, EventListener listener) {
    requireSha512sum(host);
    Path base = temporaryBase(host);
    Path directory = base.resolve("mgn-agent-" + HexFormat.of().formatHex(randomBytes()));
    Path file = directory.resolve(installer.path().getFileName().toString());
    RemoteInstaller remote;
    try {
      Files.createDirectories(base);
      Files.createDirectory(directory);
      remote = new RemoteInstaller(host, listener, directory, file);
    } catch (IOException e) {
      throw new MgnAgentException(
          "cannot create a directory for the installer under "
              + base
              + " on the host: "
              + e.getMessage()
              + "; check that TMPDIR (or /tmp) there is writable",
          e);
    }
    try {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
      Files.copy(installer.path(), file);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
      String actual = remote.sha512OnHost();
      if (!actual.equals(installer.sha512())) {
        throw new InstallerMismatchException(installer.sourceUrl(), installer.sha512(), actual);
      }
      listener.onEvent(new InstallerUploaded(file.toString(), installer.sizeBytes(), actual));
      return remote;
    } catch (IOException e) {
      remote.close();
      throw new MgnAgentException(
          "cannot upload the installer to " + file + " on the host: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      remote.close();
      throw e;
    }
  }

  /** The uploaded installer, as a path of the host's file system. */
  public Path path() {
    return file;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** {@code TMPDIR} of the host when absolute, else {@code /tmp}, under the host's root. */
  private static Path temporaryBase(Host host) {
    String tmpdir = host.environment().get("TMPDIR");
    String chosen =
        tmpdir != null && tmpdir.startsWith("/") && tmpdir.length() > 1 ? tmpdir : "/tmp";
    return host.root().resolve(chosen.substring(1));
  }

  private static void requireSha512sum(Host host) {
    CommandResult found;
    try {
      found =
          CommandResult.run(
              host.commandRunner(),
              command("sh", "-c", "command -v sha512sum", host),
              COMMAND_TIMEOUT);
    } catch (IOException e) {
      throw new MgnAgentException("cannot look for sha512sum on the host: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MgnAgentException("interrupted while looking for sha512sum on the host", e);
    }
    if (!found.exitCode().equals(OptionalInt.of(0))) {
      throw new MgnAgentException(
          "the host has no sha512sum, so the uploaded installer cannot be checked there before it"
              + " runs; install coreutils on the host (nothing was uploaded)");
    }
  }

  private String sha512OnHost() throws IOException {
    CommandResult result;
    try {
      result =
          CommandResult.run(
              host.commandRunner(),
              command("sha512sum", "--", file.toString(), host),
              COMMAND_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MgnAgentException("interrupted while checking the installer on the host", e);
    }
    String out = result.stdout().strip();
    int space = out.indexOf(' ');
    String hex = (space > 0 ? out.substring(0, space) : out).toLowerCase(Locale.ROOT);
    if (!result.exitCode().equals(OptionalInt.of(0)) || hex.length() != 128) {
      throw new IOException("sha512sum on the host failed: " + result.stderr().strip());
    }
    return hex;
  }

  private static Command command(String program, String a, String b, Host host) {
    return new Command(List.of(program, a, b), host.environment(), Optional.empty(), false);
  }

  /** Removes the private directory and what is in it (through the host's command runner). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // after a cancel (an interrupt) the directory must still go: the flag is set aside meanwhile
    boolean interrupted = Thread.interrupted();
    try {
      remove();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void remove() {
    boolean removed;
    try {
      CommandResult rm =
          CommandResult.run(
              host.commandRunner(),
              new Command(
                  List.of("rm", "-rf", "--", directory.toString()),
                  host.environment(),
                  Optional.empty(),
                  false),
              COMMAND_TIMEOUT);
      removed = rm.exitCode().equals(OptionalInt.of(0)) && !Files.exists(directory);
    } catch (IOException | RuntimeException e) {
      removed = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      removed = deleteOverSftp();
    }
    if (!removed) {
      removed = deleteOverSftp();
    }
    listener.onEvent(new InstallerUploadRemoved(directory.toString(), removed));
  }

  private boolean deleteOverSftp() {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(directory);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
