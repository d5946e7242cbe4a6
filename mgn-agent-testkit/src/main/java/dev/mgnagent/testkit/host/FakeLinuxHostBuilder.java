package dev.mgnagent.testkit.host;

import dev.mgnagent.testkit.disk.FakeBlockDevicesBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link FakeLinuxHost}. It starts as a healthy RHEL 9.4 x86_64 server: root (uid 0), 4
 * GiB available memory, {@code /etc/passwd}, {@code group}, {@code shadow} and a {@code sudoers}
 * that includes {@code /etc/sudoers.d}, {@code sudo python3 make gcc perl tar gawk rpm dhclient} in
 * {@code usr/bin}, kernel headers in {@code usr/src/kernels/<release>}, GRUB 2, legacy BIOS boot,
 * no other agent, 20 GiB free everywhere, {@code lsattr} showing no immutable flag and {@code sudo
 * -n true} working. Each method changes one thing, usually to break it.
 */
public final class FakeLinuxHostBuilder {

  private static final List<String> ACCOUNT_FILES =
      List.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/sudoers");

  private final FakeBlockDevicesBuilder devices;
  private String osRelease = osReleaseText("rhel", "9.4", "Red Hat Enterprise Linux 9.4 (Plow)");
  private String arch = "x86_64";
  private String kernel = "5.14.0-427.13.1.el9_4.x86_64";
  private HeadersLayout headers = HeadersLayout.RPM;
  private boolean headersLink;
  private int uid;
  private long memAvailableKib = 4L << 20;
  private boolean includeDir = true;
  private boolean awsReplicationUser;
  private final Set<String> immutable = new LinkedHashSet<>();
  private final Set<String> programs =
      new LinkedHashSet<>(
          List.of("sudo", "python3", "make", "gcc", "perl", "tar", "gawk", "rpm", "dhclient"));
  private boolean grub = true;
  private Boolean secureBoot;
  private final List<String> modules = new ArrayList<>();
  private boolean cloudEndure;
  private String agentVersion;
  private final Map<String, Long> freeSpace = new LinkedHashMap<>(Map.of("/", 20L << 30));
  private final Map<String, String> environment =
      new LinkedHashMap<>(Map.of("PATH", "/usr/local/bin:/usr/bin:/usr/sbin:/bin:/sbin"));
  private final Map<List<String>, ScriptedCommandRunner.Answer> commands = new LinkedHashMap<>();
  private boolean sudoWorks = true;

  FakeLinuxHostBuilder(FakeBlockDevicesBuilder devices) {
    this.devices = Objects.requireNonNull(devices, "devices");
  }

  /** {@code etc/os-release} with this {@code ID}, {@code VERSION_ID} and {@code PRETTY_NAME}. */
  public FakeLinuxHostBuilder osRelease(String id, String versionId, String prettyName) {
    this.osRelease = osReleaseText(id, versionId, prettyName);
    return this;
  }

  /** {@code proc/sys/kernel/arch}, such as {@code aarch64}. */
  public FakeLinuxHostBuilder arch(String machine) {
    this.arch = Objects.requireNonNull(machine, "machine");
    return this;
  }

  /** {@code proc/sys/kernel/osrelease}; the headers follow the release. */
  public FakeLinuxHostBuilder kernelRelease(String release) {
    this.kernel = Objects.requireNonNull(release, "release");
    return this;
  }

  /** Headers for the running release in this layout (a real directory). */
  public FakeLinuxHostBuilder kernelHeaders(HeadersLayout layout) {
    this.headers = Objects.requireNonNull(layout, "layout");
    this.headersLink = false;
    return this;
  }

  /** Headers for the running release as a symbolic link to another directory (unsupported). */
  public FakeLinuxHostBuilder kernelHeadersSymlink(HeadersLayout layout) {
    this.headers = Objects.requireNonNull(layout, "layout");
    this.headersLink = true;
    return this;
  }

  /** No headers for the running release. */
  public FakeLinuxHostBuilder noKernelHeaders() {
    this.headers = null;
    return this;
  }

  /** The effective uid of the process running preflight ({@code proc/self/status}). */
  public FakeLinuxHostBuilder uid(int uid) {
    this.uid = uid;
    return this;
  }

  /** Whether {@code sudo -n true} succeeds (it asks for a password otherwise). */
  public FakeLinuxHostBuilder sudoWithoutPassword(boolean works) {
    this.sudoWorks = works;
    return this;
  }

  /** {@code MemAvailable} in {@code proc/meminfo}. */
  public FakeLinuxHostBuilder memAvailable(long bytes) {
    this.memAvailableKib = bytes / 1024;
    return this;
  }

  /** A {@code sudoers} without {@code #includedir /etc/sudoers.d}. */
  public FakeLinuxHostBuilder noSudoersIncludeDir() {
    this.includeDir = false;
    return this;
  }

  /** An {@code aws-replication} user in {@code /etc/passwd} (left by an earlier install). */
  public FakeLinuxHostBuilder awsReplicationUser() {
    this.awsReplicationUser = true;
    return this;
  }

  /** {@code lsattr} shows the immutable flag on these account files. */
  public FakeLinuxHostBuilder immutable(String... accountFiles) {
    for (String f : accountFiles) {
      if (!ACCOUNT_FILES.contains(f)) {
        throw new IllegalArgumentException("not one of " + ACCOUNT_FILES + ": " + f);
      }
      immutable.add(f);
    }
    return this;
  }

  /** Removes these programs from {@code usr/bin}. */
  public FakeLinuxHostBuilder withoutPrograms(String... names) {
    programs.removeAll(List.of(names));
    return this;
  }

  /** No GRUB configuration under {@code boot}. */
  public FakeLinuxHostBuilder noGrub() {
    this.grub = false;
    return this;
  }

  /** EFI boot ({@code sys/firmware/efi}) with the {@code SecureBoot} variable on or off. */
  public FakeLinuxHostBuilder efi(boolean secureBootOn) {
    this.secureBoot = secureBootOn;
    return this;
  }

  /** A loaded kernel module in {@code proc/modules}, such as {@code oracleafd}. */
  public FakeLinuxHostBuilder kernelModule(String name) {
    modules.add(Objects.requireNonNull(name, "name"));
    return this;
  }

  /** A CloudEndure agent: {@code var/lib/cloudendure} and module {@code CE_AgentDriver}. */
  public FakeLinuxHostBuilder cloudEndureAgent() {
    this.cloudEndure = true;
    return this;
  }

  /** An installed replication agent: {@code var/lib/aws-replication-agent/VERSION}. */
  public FakeLinuxHostBuilder awsReplicationAgent(String version) {
    this.agentVersion = Objects.requireNonNull(version, "version");
    return this;
  }

  /**
   * Free bytes of the file system mounted at {@code mountPoint} (see {@link
   * FakeLinuxHost#space()}).
   */
  public FakeLinuxHostBuilder freeSpace(String mountPoint, long bytes) {
    freeSpace.put(mountPoint, bytes);
    return this;
  }

  /** An environment variable of the host. */
  public FakeLinuxHostBuilder environment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Scripts a command: the runner answers {@code argv} with this exit code and output. */
  public FakeLinuxHostBuilder command(
      List<String> argv, int exitCode, String stdout, String stderr) {
    commands.put(List.copyOf(argv), new ScriptedCommandRunner.Answer(exitCode, stdout, stderr));
    return this;
  }

  /** Writes the block devices, then the files, into {@code directory} (missing or empty). */
  public FakeLinuxHost writeTo(Path directory) {
    Path root = devices.writeTo(directory);
    try {
      writeFiles(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<List<String>, ScriptedCommandRunner.Answer> script = new LinkedHashMap<>();
    List<String> lsattr = new ArrayList<>(List.of("lsattr"));
    lsattr.addAll(ACCOUNT_FILES);
    StringBuilder flags = new StringBuilder();
    for (String f : ACCOUNT_FILES) {
      flags
          .append(immutable.contains(f) ? "----i---------e-------" : "--------------e-------")
          .append(' ')
          .append(f)
          .append('\n');
    }
    script.put(lsattr, new ScriptedCommandRunner.Answer(0, flags.toString(), ""));
    script.put(
        List.of("sudo", "-n", "true"),
        sudoWorks
            ? new ScriptedCommandRunner.Answer(0, "", "")
            : new ScriptedCommandRunner.Answer(1, "", "sudo: a password is required\n"));
    script.put(List.of("uname", "-m"), new ScriptedCommandRunner.Answer(0, arch + "\n", ""));
    script.putAll(commands);
    return new FakeLinuxHost(root, environment, new ScriptedCommandRunner(script), freeSpace);
  }

  private void writeFiles(Path root) throws IOException {
    HostFiles files = new HostFiles(root);
    files.text("etc/os-release", osRelease);
    files.text("proc/sys/kernel/arch", arch + "\n");
    files.text("proc/sys/kernel/osrelease", kernel + "\n");
    files.text(
        "proc/self/status",
        "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\nGid:\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\n");
    files.text(
        "proc/meminfo",
        "MemTotal:        8026792 kB\nMemFree:          "
            + memAvailableKib / 2
            + " kB\nMemAvailable:     "
            + memAvailableKib
            + " kB\nBuffers:           102400 kB\n"
            + "Cached:           "
            + memAvailableKib / 2
            + " kB\n");
    StringBuilder passwd =
        new StringBuilder(
            "root:x:0:0:root:/root:/bin/bash\n"
                + "ec2-user:x:1000:1000::/home/ec2-user:/bin/bash\n");
    StringBuilder group = new StringBuilder("root:x:0:\nwheel:x:10:ec2-user\nec2-user:x:1000:\n");
    if (awsReplicationUser) {
      passwd.append("aws-replication:x:994:991::/home/aws-replication:/sbin/nologin\n");
      group.append("aws-replication:x:991:\n");
    }
    files.text("etc/passwd", passwd.toString());
    files.text("etc/group", group.toString());
    files.text("etc/shadow", "root:*::0:99999:7:::\nec2-user:!!:19000:0:99999:7:::\n");
    files.text(
        "etc/sudoers",
        "Defaults   !visiblepw\nroot    ALL=(ALL)       ALL\n"
            + "%wheel  ALL=(ALL)       ALL\n"
            + (includeDir ? "#includedir /etc/sudoers.d\n" : ""));
    files.directory("etc/sudoers.d");
    for (String program : programs) {
      files.executable("usr/bin/" + program);
    }
    if (headers != null) {
      String dir =
          headers == HeadersLayout.RPM
              ? "usr/src/kernels/" + kernel
              : "usr/src/linux-headers-" + kernel;
      if (headersLink) {
        files.text("usr/src/other-headers/Makefile", "# headers\n");
        files.symlink(dir, root.resolve("usr/src/other-headers"));
      } else {
        files.text(dir + "/Makefile", "VERSION = " + kernel.split("\\.")[0] + "\n");
      }
    }
    if (grub) {
      files.text("boot/grub2/grub.cfg", "set default=0\n");
    }
    if (secureBoot != null) {
      files.directory("sys/firmware/efi/efivars");
      files.bytes(
          "sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c",
          new byte[] {6, 0, 0, 0, (byte) (secureBoot ? 1 : 0)});
    }
    List<String> loaded = new ArrayList<>(List.of("xfs", "virtio_net", "virtio_blk"));
    if (cloudEndure) {
      files.text("var/lib/cloudendure/agent.config", "{}\n");
      loaded.add("CE_AgentDriver");
    }
    if (agentVersion != null) {
      files.text("var/lib/aws-replication-agent/VERSION", agentVersion + "\n");
      loaded.add("aws_replication_driver");
    }
    loaded.addAll(modules);
    StringBuilder procModules = new StringBuilder();
    for (String m : loaded) {
      procModules.append(m).append(" 65536 1 - Live 0x0000000000000000\n");
    }
    files.text("proc/modules", procModules.toString());
  }

  private static String osReleaseText(String id, String versionId, String prettyName) {
    return "NAME=\""
        + prettyName.split(" [0-9]")[0]
        + "\"\nVERSION_ID=\""
        + versionId
        + "\"\nID=\""
        + id
        + "\"\nPRETTY_NAME=\""
        + prettyName
        + "\"\n";
  }

  /** Writes files under a root. */
  private record HostFiles(Path root) {
    void text(String relative, String content) throws IOException {
      bytes(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(String relative, byte[] content) throws IOException {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
    }

    void directory(String relative) throws IOException {
      Files.createDirectories(root.resolve(relative));
    }

    void executable(String relative) throws IOException {
      text(relative, "#!/bin/sh\n# fake program: never run\nexit 0\n");
      Files.setPosixFilePermissions(
          root.resolve(relative), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    void symlink(String relative, Path target) throws IOException {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.createSymbolicLink(p, target);
    }
  }
}
