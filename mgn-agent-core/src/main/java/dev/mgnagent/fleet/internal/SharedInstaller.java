package dev.mgnagent.fleet.internal;

import dev.mgnagent.ProxyRoute;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.installer.InstallerFileException;
import dev.mgnagent.installer.InstallerMismatchException;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.VerificationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The installer a fleet downloads and verifies once, on this machine, for every host: the first
 * host that needs it downloads it (its events go to that host's listener), the others wait and
 * reuse it. A failed download is not kept: the next host tries again. {@link #close()} removes the
 * private directory it was written to.
 */
final class SharedInstaller implements AutoCloseable {

  private final Map<String, String> localEnvironment;
  private Path directory;
  private VerificationResult.Verified verified;

  /**
   * @param localEnvironment this machine's environment: its proxy variables route the download, its
   *     {@code TMPDIR} (else {@code java.io.tmpdir}) holds the file
   */
  SharedInstaller(Map<String, String> localEnvironment) {
    this.localEnvironment = Map.copyOf(localEnvironment);
  }

  synchronized VerificationResult.Verified get(InstallRequest request, EventListener listener) {
    if (verified != null) {
      return verified;
    }
    InstallerVerifier.Builder verifier =
        InstallerVerifier.builder()
            .location(request.installerLocation())
            .eventListener(listener)
            .proxyRoute(ProxyRoute.fromEnvironment(localEnvironment))
            .replaceExisting(true);
    request.installerSha512().ifPresent(verifier::expectedSha512);
    VerificationResult result =
        verifier.build().download(directory().resolve(request.flavor().fileName()));
    if (result instanceof VerificationResult.Mismatch mismatch) {
      throw new InstallerMismatchException(mismatch.url(), mismatch.expected(), mismatch.actual());
    }
    verified = (VerificationResult.Verified) result;
    return verified;
  }

  private Path directory() {
    if (directory == null) {
      String tmpdir = localEnvironment.get("TMPDIR");
      Path base =
          tmpdir != null && !tmpdir.isBlank() && Path.of(tmpdir).isAbsolute()
              ? Path.of(tmpdir)
              : Path.of(System.getProperty("java.io.tmpdir"));
      try {
        directory =
            Files.createTempDirectory(
                base,
                "mgn-agent-fleet-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (IOException e) {
        throw new InstallerFileException(
            base, "cannot create a directory for the fleet's installer in " + base, e);
      }
    }
    return directory;
  }

  @Override
  public synchronized void close() {
    if (directory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a file left here is in a private directory of this machine
    }
    directory = null;
    verified = null;
  }
}
