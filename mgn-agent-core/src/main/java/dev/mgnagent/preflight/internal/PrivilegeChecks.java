package dev.mgnagent.preflight.internal;

import dev.mgnagent.preflight.internal.PreflightCheck.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Root or sudo, and whether the installer can create its user and sudoers entry (facts 3, 4, 8).
 */
final class PrivilegeChecks {

  static final List<String> ACCOUNT_FILES =
      List.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/sudoers");
  private static final Pattern INCLUDEDIR =
      Pattern.compile("(?m)^\\s*[#@]includedir\\s+/etc/sudoers\\.d/?\\s*$");

  private PrivilegeChecks() {}

  static List<PreflightCheck> all() {
    return List.of(
        PreflightCheck.of(
            "privileges.root", "Root, or sudo without a password", PrivilegeChecks::rootOrSudo),
        PreflightCheck.of(
            "privileges.sudo-installed",
            "sudo installed",
            c ->
                c.host()
                    .findProgram("sudo")
                    .map(p -> Verdict.pass(p + " is installed"))
                    .orElseGet(
                        () ->
                            Verdict.fail(
                                "no sudo in " + HostView.PROGRAM_DIRS,
                                "install sudo (yum install sudo / apt install sudo): the installer adds the"
                                    + " aws-replication user to sudoers"))),
        PreflightCheck.of(
            "privileges.account-files",
            "Account files not immutable",
            PrivilegeChecks::accountFiles),
        PreflightCheck.of(
            "privileges.sudoers-includedir",
            "sudoers includes /etc/sudoers.d",
            c -> sudoers(c.host().read("/etc/sudoers"), c.host().exists("/etc/sudoers"))),
        PreflightCheck.of(
            "privileges.existing-user",
            "Existing aws-replication user",
            c -> existingUser(c.host().read("/etc/passwd"))));
  }

  private static Verdict rootOrSudo(CheckContext c) {
    OptionalInt uid =
        c.host()
            .read("/proc/self/status")
            .map(PrivilegeChecks::effectiveUid)
            .orElse(OptionalInt.empty());
    if (uid.isEmpty()) {
      return Verdict.skipped("/proc/self/status has no Uid line under the host root");
    }
    Optional<CommandOutcome> sudo =
        c.host().noCommandsReason().isPresent()
            ? Optional.empty()
            : (uid.getAsInt() == 0
                ? Optional.empty()
                // in a new session without a terminal, as the installer runs: requiretty shows here
                : Optional.of(c.host().runInNewSession("sudo", "-n", "true")));
    return rootOrSudo(uid.getAsInt(), sudo, c.host().noCommandsReason().orElse(""));
  }

  /** The effective uid from {@code /proc/<pid>/status}. */
  static OptionalInt effectiveUid(String status) {
    return status
        .lines()
        .filter(l -> l.startsWith("Uid:"))
        .findFirst()
        .map(l -> l.substring(4).trim().split("\\s+"))
        .filter(f -> f.length >= 2 && f[1].matches("[0-9]+"))
        .map(f -> OptionalInt.of(Integer.parseInt(f[1])))
        .orElse(OptionalInt.empty());
  }

  static Verdict rootOrSudo(int uid, Optional<CommandOutcome> sudo, String noCommandsReason) {
    if (uid == 0) {
      return Verdict.pass("running as root (uid 0)");
    }
    if (sudo.isEmpty()) {
      return Verdict.skipped(
          "uid " + uid + " is not root and 'sudo -n true' was not tried: " + noCommandsReason);
    }
    CommandOutcome outcome = sudo.get();
    if (outcome.succeeded()) {
      return Verdict.pass("uid " + uid + "; 'sudo -n true' works without a password");
    }
    String why =
        outcome.started()
            ? "'sudo -n true' failed: " + firstLine(outcome.stderr())
            : "sudo could not be started: " + firstLine(outcome.stderr());
    if (outcome.started() && outcome.stderr().contains("must have a tty")) {
      // sudoers "Defaults requiretty" (RHEL/CentOS 6, early 7): the installer runs without a
      // terminal, so sudo would refuse it exactly like this probe
      return Verdict.fail(
          "uid "
              + uid
              + " is not root; "
              + why
              + " (sudoers requires a"
              + " terminal: Defaults requiretty)",
          "run mgn-agent as root, or allow this user sudo without a terminal: add"
              + " 'Defaults:"
              + "USER !requiretty' (USER: this user) with visudo");
    }
    return Verdict.fail(
        "uid " + uid + " is not root; " + why,
        "run mgn-agent as root, or give this user passwordless sudo (NOPASSWD) so that the"
            + " installer can run through 'sudo -n'");
  }

  private static Verdict accountFiles(CheckContext c) {
    if (c.host().noCommandsReason().isPresent()) {
      return Verdict.skipped("lsattr was not run: " + c.host().noCommandsReason().get());
    }
    List<String> argv = new ArrayList<>(List.of("lsattr"));
    ACCOUNT_FILES.stream().filter(c.host()::exists).forEach(argv::add);
    if (argv.size() == 1) {
      return Verdict.fail(
          "none of " + ACCOUNT_FILES + " exists",
          "the installer needs /etc/passwd, /etc/group and /etc/shadow to add its user");
    }
    return accountFiles(c.host().run(argv.toArray(String[]::new)));
  }

  /** Evaluates {@code lsattr} output: an {@code i} among the flags means immutable. */
  static Verdict accountFiles(CommandOutcome lsattr) {
    if (!lsattr.started()) {
      return Verdict.skipped(
          "lsattr is not installed (e2fsprogs), so the immutable flag was not"
              + " read: "
              + firstLine(lsattr.stderr()));
    }
    List<String> immutable = new ArrayList<>();
    List<String> read = new ArrayList<>();
    for (String line : lsattr.stdout().lines().toList()) {
      String[] f = line.trim().split("\\s+", 2);
      if (f.length == 2 && f[0].matches("[-a-zA-Z]+")) {
        read.add(f[1]);
        if (f[0].indexOf('i') >= 0) {
          immutable.add(f[1]);
        }
      }
    }
    if (!immutable.isEmpty()) {
      return Verdict.fail(
          "immutable (lsattr flag i): " + String.join(", ", immutable),
          "run 'sudo chattr -i "
              + String.join(" ", immutable)
              + "' before installing (the"
              + " installer fails with \"getpwnam(): name not found: 'aws-replication'\" or"
              + " \"sudoers file failed verification\"), and restore it afterwards if wanted");
    }
    if (read.isEmpty()) {
      return Verdict.skipped(
          "lsattr could not read the flags on this file system: " + firstLine(lsattr.stderr()));
    }
    return Verdict.pass("not immutable: " + String.join(", ", read));
  }

  static Verdict sudoers(Optional<String> sudoers, boolean exists) {
    if (sudoers.isEmpty()) {
      return exists
          ? Verdict.skipped("/etc/sudoers exists but this user cannot read it")
          : Verdict.fail(
              "no /etc/sudoers",
              "install and configure sudo: the installer adds"
                  + " aws-replication to sudoers and fails if it cannot");
    }
    if (INCLUDEDIR.matcher(sudoers.get()).find()) {
      return Verdict.pass("/etc/sudoers includes /etc/sudoers.d");
    }
    return Verdict.warn(
        "/etc/sudoers has no '#includedir /etc/sudoers.d' line",
        "the installer must then edit /etc/sudoers itself: add '#includedir /etc/sudoers.d'"
            + " with visudo, or be ready to add aws-replication to sudoers by hand if it fails");
  }

  static Verdict existingUser(Optional<String> passwd) {
    if (passwd.isEmpty()) {
      return Verdict.warn(
          "cannot read /etc/passwd", "check that /etc/passwd exists and is readable");
    }
    return passwd
        .get()
        .lines()
        .filter(l -> l.startsWith("aws-replication:"))
        .findFirst()
        .map(
            l ->
                Verdict.warn(
                    "user aws-replication already exists (uid "
                        + field(l, 2)
                        + "): left by an earlier installation",
                    "fine for a reinstall; if the agent was uninstalled, reboot before reinstalling"))
        .orElseGet(() -> Verdict.pass("no aws-replication user yet; the installer creates it"));
  }

  private static String field(String line, int index) {
    String[] f = line.split(":", -1);
    return f.length > index ? f[index] : "?";
  }

  static String firstLine(String text) {
    String t = text == null ? "" : text.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
