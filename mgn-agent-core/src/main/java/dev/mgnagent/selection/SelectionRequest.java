package dev.mgnagent.selection;

import dev.mgnagent.InvalidRequestException;
import java.util.Objects;
import java.util.Optional;

/**
 * What to replicate, as the installer's parameters say it.
 *
 * @param devices the {@code --devices} value or the answer typed at the disk prompt; empty (or
 *     blank) means every disk
 * @param forceVolumes {@code --force-volumes}: skip detection and pass the listed paths as given
 * @param noPrompt {@code --no-prompt}, which {@code --force-volumes} requires
 * @throws InvalidRequestException if {@code forceVolumes} comes without {@code noPrompt} or
 *     without devices: the installer refuses that combination, so it cannot be built
 */
public record SelectionRequest(Optional<String> devices, boolean forceVolumes, boolean noPrompt) {

  public SelectionRequest {
    Objects.requireNonNull(devices, "devices");
    if (forceVolumes && (!noPrompt || devices.map(String::isBlank).orElse(true))) {
      throw new InvalidRequestException(
          "--force-volumes",
          "--force-volumes needs --no-prompt and --devices listing every disk to replicate,"
              + " the root disk included");
    }
  }

  /** Every disk (no {@code --devices}, or Enter at the prompt). */
  public static SelectionRequest allDisks() {
    return new SelectionRequest(Optional.empty(), false, false);
  }

  /** The disks under the comma-separated {@code devices}. */
  public static SelectionRequest devices(String devices) {
    return new SelectionRequest(Optional.of(devices), false, false);
  }

  /** {@code --devices devices --force-volumes --no-prompt}. */
  public static SelectionRequest forced(String devices) {
    return new SelectionRequest(Optional.of(devices), true, true);
  }

  /** Whether devices were named: not absent and not blank. */
  public boolean namesDevices() {
    return devices.map(d -> !d.isBlank()).orElse(false);
  }
}
