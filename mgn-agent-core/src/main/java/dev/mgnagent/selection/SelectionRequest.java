package dev.mgnagent.selection;

import dev.mgnagent.InvalidRequestException;
import java.util.Objects;
import java.util.Optional;

/**
 * What to replicate, as the installer's parameters say it. This is the one place the rule for
 * forced volumes lives; {@code InstallRequest} builds one of these.
 *
 * @param devices the comma-separated disk list, or the answer typed at the disk prompt; empty (or
 *     blank) means every disk
 * @param forceVolumes skip detection and pass the listed paths as given
 * @param noPrompt the installer runs without prompts, which {@code forceVolumes} requires
 */
public record SelectionRequest(Optional<String> devices, boolean forceVolumes, boolean noPrompt) {

  /**
   * Checks the combination.
   *
   * @throws InvalidRequestException if {@code forceVolumes} comes without {@code noPrompt} or
   *     without devices: the installer refuses that combination, so it cannot be built
   */
  public SelectionRequest {
    Objects.requireNonNull(devices, "devices");
    if (forceVolumes && (!noPrompt || devices.map(String::isBlank).orElse(true))) {
      throw new InvalidRequestException(
          "forceVolumes",
          "forceVolumes needs noPrompt and devices listing every disk to replicate, the root"
              + " disk included");
    }
  }

  /** Every disk (no devices named, or Enter at the prompt). */
  public static SelectionRequest allDisks() {
    return new SelectionRequest(Optional.empty(), false, false);
  }

  /** The disks under the comma-separated {@code devices}. */
  public static SelectionRequest devices(String devices) {
    return new SelectionRequest(Optional.of(devices), false, false);
  }

  /** The {@code devices} as given, forced, without prompts. */
  public static SelectionRequest forced(String devices) {
    return new SelectionRequest(Optional.of(devices), true, true);
  }

  /** Whether devices were named: not absent and not blank. */
  public boolean namesDevices() {
    return devices.map(d -> !d.isBlank()).orElse(false);
  }
}
