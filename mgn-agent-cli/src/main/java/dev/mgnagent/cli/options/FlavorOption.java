package dev.mgnagent.cli.options;

import dev.mgnagent.installer.InstallerFlavor;
import picocli.CommandLine.Option;

/** {@code --flavor}: which installer, parsed once by {@link FlavorConverter}. */
public final class FlavorOption {

  @Option(
      names = "--flavor",
      paramLabel = "binary|python",
      defaultValue = "binary",
      converter = FlavorConverter.class,
      description =
          "The installer: binary (default) or python (the Python script, run with" + " python3).")
  InstallerFlavor flavor = InstallerFlavor.BINARY;

  /** The chosen flavor; {@code binary} when not given. */
  public InstallerFlavor flavor() {
    return flavor;
  }
}
