package dev.mgnagent.cli.options;

import dev.mgnagent.Shown;
import dev.mgnagent.installer.InstallerFlavor;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --flavor}: {@code binary} or {@code python}, in any case; one message otherwise. */
public final class FlavorConverter implements ITypeConverter<InstallerFlavor> {

  @Override
  public InstallerFlavor convert(String value) {
    for (InstallerFlavor flavor : InstallerFlavor.values()) {
      if (flavor.id().equals(value.toLowerCase(Locale.ROOT))) {
        return flavor;
      }
    }
    throw new TypeConversionException(
        Shown.quoted(value) + " is not an installer flavor: use binary or python");
  }
}
