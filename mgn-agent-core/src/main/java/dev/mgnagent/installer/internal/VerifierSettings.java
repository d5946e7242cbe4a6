package dev.mgnagent.installer.internal;

import dev.mgnagent.Backoff;
import dev.mgnagent.NoProxy;
import dev.mgnagent.ProxySetting;
import dev.mgnagent.Sleeper;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.installer.InstallerLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** Everything an {@code InstallerVerifier.Builder} collected, checked. */
public record VerifierSettings(
    InstallerLocation location,
    Optional<String> expectedSha512,
    boolean replaceExisting,
    EventListener listener,
    Optional<ProxySetting> httpsProxy,
    NoProxy noProxy,
    Duration connectTimeout,
    Duration stallTimeout,
    int maxAttempts,
    Backoff backoff,
    Sleeper sleeper,
    long maxInstallerBytes,
    Function<Path, OptionalLong> freeSpace) {

  /**
   * The room kept free beyond the announced length when the download directory's free space is
   * checked: 16 MiB.
   */
  public static final long FREE_SPACE_MARGIN = 16L << 20;

  /** The usable space of the file system holding a directory, or empty if it cannot be read. */
  public static OptionalLong usableSpace(Path directory) {
    try {
      return OptionalLong.of(Files.getFileStore(directory).getUsableSpace());
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** The default cap on the installer's size: 256 MiB (the real installer is about 12 MB). */
  public static final long DEFAULT_MAX_INSTALLER_BYTES = 256L << 20;
}
