package dev.mgnagent.mgn;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of a {@link Reconciliation}: a disk, as the host and MGN each see it.
 *
 * @param change how it differs
 * @param mgnDeviceName the name MGN knows it by, when MGN knows it
 * @param hostPath its path on the host, when it is on the host
 * @param mgnBytes its size as MGN saw it
 * @param hostBytes its size on the host now
 * @param hostBoot whether the host boots from it now
 * @param mgnBoot whether MGN marks it {@code isBootDisk}
 * @param action what to do
 */
public record ReconciledDisk(
    DiskChange change,
    Optional<String> mgnDeviceName,
    Optional<String> hostPath,
    OptionalLong mgnBytes,
    OptionalLong hostBytes,
    boolean hostBoot,
    boolean mgnBoot,
    String action) {

  /** Checks that nothing is null. */
  public ReconciledDisk {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(mgnDeviceName, "mgnDeviceName");
    Objects.requireNonNull(hostPath, "hostPath");
    Objects.requireNonNull(mgnBytes, "mgnBytes");
    Objects.requireNonNull(hostBytes, "hostBytes");
    Objects.requireNonNull(action, "action");
  }

  /** The name to show: MGN's when it has one, else the host's path. */
  public String displayName() {
    return mgnDeviceName.or(() -> hostPath).orElse("?");
  }
}
