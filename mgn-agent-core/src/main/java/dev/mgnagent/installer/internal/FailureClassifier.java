package dev.mgnagent.installer.internal;

import dev.mgnagent.installer.InstallerFailure;
import java.util.List;
import java.util.Optional;

/**
 * Recognizes the installer's documented error lines (facts, sections 3 and 8). Pure: tests call it
 * with transcripts.
 */
final class FailureClassifier {

  private record Rule(String fragment, InstallerFailure failure) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule("account not being initialized", InstallerFailure.ACCOUNT_NOT_INITIALIZED),
          new Rule("Failed to validate AWS credentials", InstallerFailure.INVALID_CREDENTIALS),
          new Rule(
              "previously installed to replicate into another region or account",
              InstallerFailure.PREVIOUSLY_INSTALLED),
          new Rule("already exists", InstallerFailure.TAGS_ALREADY_EXIST),
          new Rule("You need to have root privileges", InstallerFailure.NOT_ROOT),
          new Rule(
              "kernel linux headers installed correctly", InstallerFailure.KERNEL_HEADERS_MISSING),
          new Rule("gcc was not found", InstallerFailure.GCC_MISSING),
          new Rule("version 'GLIBC_", InstallerFailure.UNSUPPORTED_OS),
          new Rule("Linux kernel version is not supported", InstallerFailure.UNSUPPORTED_KERNEL),
          new Rule("CERTIFICATE_VERIFY_FAILED", InstallerFailure.CERTIFICATE_NOT_TRUSTED),
          new Rule("Connection times out", InstallerFailure.NETWORK_BLOCKED),
          new Rule("urlopen error", InstallerFailure.NETWORK_BLOCKED),
          new Rule(
              "getpwnam(): name not found: 'aws-replication'",
              InstallerFailure.USER_FILES_IMMUTABLE),
          new Rule(
              "Unable to change permissions of /var/lib/aws-replication-agent",
              InstallerFailure.USER_FILES_IMMUTABLE),
          new Rule("sudoers file failed verification", InstallerFailure.USER_FILES_IMMUTABLE),
          new Rule("failed to map segment from shared object", InstallerFailure.TMP_NOEXEC),
          new Rule("could not insert module", InstallerFailure.DRIVER_BLOCKED),
          new Rule("Oracle ASM Filter Driver is active", InstallerFailure.ORACLE_ASM_ACTIVE),
          new Rule(
              "not been restarted since agent uninstallation", InstallerFailure.REBOOT_REQUIRED));

  private FailureClassifier() {}

  /** The failure and the line that shows it; the last matching line wins. */
  static Optional<Classified> classify(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      for (Rule rule : RULES) {
        if (lines.get(i).contains(rule.fragment())) {
          return Optional.of(new Classified(rule.failure(), lines.get(i).strip()));
        }
      }
    }
    return Optional.empty();
  }

  /** A recognized failure and its evidence. */
  record Classified(InstallerFailure failure, String evidence) {}
}
