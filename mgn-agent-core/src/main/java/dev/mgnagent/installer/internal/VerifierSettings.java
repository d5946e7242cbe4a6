package dev.mgnagent.installer.internal;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.Backoff;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.Sleeper;
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
    Sleeper sleeper) {}
