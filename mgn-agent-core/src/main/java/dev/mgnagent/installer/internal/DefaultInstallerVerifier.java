package dev.mgnagent.installer.internal;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.installer.InstallerFileException;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.VerificationResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** The {@link InstallerVerifier} behind the builder: HTTP(S) downloads, one pass, SHA-512. */
public final class DefaultInstallerVerifier implements InstallerVerifier {

  private final VerifierSettings settings;

  public DefaultInstallerVerifier(VerifierSettings settings) {
    this.settings = settings;
  }

  @Override
  public VerificationResult download(Path target) {
    URI url = settings.location().installerUrl();
    try (StagingArea staging = StagingArea.next(target, settings.replaceExisting())) {
      String expected = expectedDigest();
      ResumableDownload.Downloaded downloaded =
          new ResumableDownload(settings, url, staging.channel(), staging.file()).run();
      String actual = HexFormat.of().formatHex(downloaded.sha512());
      if (!matches(expected, downloaded.sha512())) {
        return new VerificationResult.Mismatch(url, expected, actual);
      }
      staging.commit(settings.replaceExisting());
      return new VerificationResult.Verified(
          target, downloaded.sizeBytes(), actual, url, settings.location().flavor());
    }
  }

  @Override
  public VerificationResult verifyFile(Path file) {
    if (!Files.exists(file)) {
      throw new InvalidRequestException("file", file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidRequestException("file", file + " is not a regular file");
    }
    String expected = expectedDigest();
    MessageDigest sha512 = ResumableDownload.newSha512();
    long size = 0;
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        sha512.update(buffer, 0, n);
        size += n;
      }
    } catch (AccessDeniedException e) {
      throw new InstallerFileException(file, "cannot read " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new InstallerFileException(file, "cannot read " + file + ": " + e.getMessage(), e);
    }
    byte[] digest = sha512.digest();
    String actual = HexFormat.of().formatHex(digest);
    URI source = file.toAbsolutePath().toUri();
    if (!matches(expected, digest)) {
      return new VerificationResult.Mismatch(source, expected, actual);
    }
    return new VerificationResult.Verified(
        file, size, actual, source, settings.location().flavor());
  }

  private String expectedDigest() {
    return settings
        .expectedSha512()
        .orElseGet(() -> new DigestFetch(settings).fetch(settings.location().digestUrl()));
  }

  /** Constant-time comparison of the expected hex digest with the computed bytes. */
  private static boolean matches(String expectedHex, byte[] actual) {
    return MessageDigest.isEqual(HexFormat.of().parseHex(expectedHex), actual);
  }

  @Override
  public String toString() {
    return "InstallerVerifier[" + settings.location() + "]";
  }
}
