package dev.mgnagent.cli.installer;

import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.installer.VerificationResult.Mismatch;
import dev.mgnagent.installer.VerificationResult.Verified;

/** Renders a verification result as text lines or as one JSON document. */
final class VerificationReport {

  private VerificationReport() {}

  static String text(VerificationResult result, boolean fileInPlace) {
    if (result instanceof Verified v) {
      return "verified  "
          + v.path().toAbsolutePath()
          + "\nsize      "
          + v.sizeBytes()
          + " bytes"
          + "\nsha512    "
          + v.sha512()
          + "\nsource    "
          + v.sourceUrl();
    }
    Mismatch m = (Mismatch) result;
    String fate = fileInPlace ? "the file was left untouched" : "the download was deleted";
    return "MISMATCH  the installer does not match the expected SHA-512; "
        + fate
        + ". Do not run it."
        + "\nsource    "
        + m.url()
        + "\nexpected  "
        + m.expected()
        + "\nactual    "
        + m.actual();
  }

  static String json(VerificationResult result, InstallerFlavor flavor) {
    if (result instanceof Verified v) {
      return JsonWriter.object()
          .field("verified", true)
          .field("path", v.path().toAbsolutePath().toString())
          .field("sizeBytes", v.sizeBytes())
          .field("sha512", v.sha512())
          .field("sourceUrl", v.sourceUrl().toString())
          .field("flavor", v.flavor().id())
          .toJson();
    }
    Mismatch m = (Mismatch) result;
    return JsonWriter.object()
        .field("verified", false)
        .field("sourceUrl", m.url().toString())
        .field("expectedSha512", m.expected())
        .field("actualSha512", m.actual())
        .field("flavor", flavor.id())
        .toJson();
  }
}
