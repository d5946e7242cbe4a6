package dev.mgnagent.installer.internal;

import dev.mgnagent.Backoff;
import dev.mgnagent.NoProxy;
import dev.mgnagent.ProxySetting;
import dev.mgnagent.Sleeper;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.installer.InstallerLocation;
import java.time.Duration;
import java.util.Optional;

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
    long maxInstallerBytes) {

  /** The default cap on the installer's size: 256 MiB (the real installer is about 12 MB). */
  public static final long DEFAULT_MAX_INSTALLER_BYTES = 256L << 20;
}
