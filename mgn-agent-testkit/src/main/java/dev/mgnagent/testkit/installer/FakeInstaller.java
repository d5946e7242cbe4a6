package dev.mgnagent.testkit.installer;

import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.installer.internal.Control;
import dev.mgnagent.testkit.installer.internal.FakeInstallerMain;
import dev.mgnagent.testkit.installer.internal.RunLog;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stand-in for AWS's Linux replication-agent installer, for tests and the sandbox: same
 * parameters, prompts and transcript (facts, section 2), registering with the {@link
 * dev.mgnagent.testkit.mgn.FakeMgn} through its signed {@code /fake-agent/RegisterAgentForMgn}
 * endpoint, and writing its "installation" (the {@code aws-replication} user and group, a sudoers
 * entry, {@code /var/lib/aws-replication-agent}) only under its install root.
 *
 * <pre>{@code
 * FakeInstaller installer = FakeInstaller.builder()
 *     .installRoot(tempDir.resolve("installed"))
 *     .hostRoot(FakeBlockDeviceScenarios.nitroNvme().writeTo(tempDir.resolve("host")))
 *     .mgnEndpoint(mgn.endpoint())
 *     .build();
 * FakeInstallerBucket bucket = FakeInstallerBucket.builder()
 *     .installer(InstallerFlavor.BINARY, installer.launcher(InstallerFlavor.BINARY))
 *     .build().start();
 * }</pre>
 *
 * <p>It is an independent imitation: it finds the host's disks and facts from the host tree's
 * kernel files with its own code (never mgn-agent's), so a test can see the two disagree. The
 * machine files an agent reports ({@code proc/sys/kernel/hostname}, {@code etc/hosts}, {@code
 * sys/class/net/eth0/address}, {@code proc/version}, {@code proc/cpuinfo}, {@code proc/meminfo})
 * are written into the host tree by {@link Builder#build()} when the tree has none.
 *
 * <p>The launcher is a small script that starts this JVM's Java with this JVM's class path; the
 * behaviour is read at run time from a control file under the install root, so {@link
 * #failWith(FakeInstallerFailure)} applies to the next run without a new launcher (and digest).
 *
 * <p>The same launcher serves many hosts: when its environment has {@value #HOST_ROOT_VARIABLE} (as
 * a fake SSH host's commands do, {@code dev.mgnagent.testkit.ssh.FakeSshFleet}), it reads the disks
 * and facts of that host tree instead of {@link Builder#hostRoot}, and writes its installation into
 * that tree ({@link #isInstalledOn(Path)}), so each host registers with its own hostname and MAC.
 * Its runs are recorded under the install root whichever host ran it.
 */
public final class FakeInstaller {

  /**
   * The environment variable naming the host tree the launcher runs on; when unset or empty, the
   * builder's {@link Builder#hostRoot host root}.
   */
  public static final String HOST_ROOT_VARIABLE = "MGNAGENT_FAKE_HOST_ROOT";

  private final Path installRoot;
  private final Control control;

  private FakeInstaller(Path installRoot, Control control) {
    this.installRoot = installRoot;
    this.control = control;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A short-lived JVM starts faster on the client compiler alone and the serial collector; no
   * perf-data file is left in the system's temporary directory.
   */
  private static final List<String> JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto");

  /** Where the fake writes its installation and its records. */
  public Path installRoot() {
    return installRoot;
  }

  /**
   * The launcher to publish as the installer of {@code flavor}: a shell script for the binary, a
   * Python script for the {@code .py} flavor (run with {@code python3}).
   */
  public byte[] launcher(InstallerFlavor flavor) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // absolute, so that a launcher run from another directory loads the same classes
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    String main = FakeInstallerMain.class.getName();
    String controlFile = control.file().toString();
    String text =
        flavor == InstallerFlavor.PYTHON
            ? "#!/usr/bin/env python3\n# mgn-agent testkit: fake AWS replication installer (Python flavor)\n"
                + "import os, sys\n"
                + "java = "
                + pyString(java)
                + "\n"
                + "os.execv(java, [java, "
                + String.join(", ", JVM_OPTIONS.stream().map(FakeInstaller::pyString).toList())
                + ", '-cp', "
                + pyString(classPath)
                + ", '-Dmgnagent.fakeInstaller.control="
                + controlFile.replace("'", "\\'")
                + "', "
                + pyString(main)
                + ", 'python'] + sys.argv[1:])\n"
            : "#!/bin/sh\n# mgn-agent testkit: fake AWS replication installer\n"
                + "exec "
                + shString(java)
                + " "
                + String.join(" ", JVM_OPTIONS)
                + " -cp "
                + shString(classPath)
                + " "
                + shString("-Dmgnagent.fakeInstaller.control=" + controlFile)
                + " "
                + shString(main)
                + " binary \"$@\"\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Makes the next runs fail this way, until {@link #succeed()}. */
  public FakeInstaller failWith(FakeInstallerFailure failure) {
    control.failure(Optional.of(failure));
    return this;
  }

  /** Makes the next runs behave normally. */
  public FakeInstaller succeed() {
    control.failure(Optional.empty());
    return this;
  }

  /** Every run so far, oldest first. */
  public List<FakeInstallerRun> runs() {
    return RunLog.in(installRoot).runs();
  }

  /** Whether {@code /var/lib/aws-replication-agent} exists under the install root. */
  public boolean isInstalled() {
    return Files.isDirectory(installRoot.resolve("var/lib/aws-replication-agent"));
  }

  /**
   * Whether {@code var/lib/aws-replication-agent} exists in this host tree: where a run whose
   * environment named the tree ({@value #HOST_ROOT_VARIABLE}) installed.
   */
  public boolean isInstalledOn(Path hostRoot) {
    return Files.isDirectory(hostRoot.resolve("var/lib/aws-replication-agent"));
  }

  private static String shString(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String pyString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** Configures a {@link FakeInstaller}. */
  public static final class Builder {
    private Path installRoot;
    private Path hostRoot;
    private URI mgnEndpoint;
    private String hostname = "fake-source-1";
    private String macAddress = "0a:40:f1:e8:b2:2d";
    private PromptMode promptMode = PromptMode.GETPASS;
    private boolean lineBuffered;
    private boolean reportAliasNames;
    private final Set<String> alsoReplicate = new LinkedHashSet<>();

    private Builder() {}

    /** Required: the directory the fake installs into (created when missing). */
    public Builder installRoot(Path installRoot) {
      this.installRoot = Objects.requireNonNull(installRoot, "installRoot");
      return this;
    }

    /**
     * Required: the host tree (from {@code FakeBlockDevices}) whose disks and facts the fake reads.
     */
    public Builder hostRoot(Path hostRoot) {
      this.hostRoot = Objects.requireNonNull(hostRoot, "hostRoot");
      return this;
    }

    /** The MGN endpoint used when the installer is not given {@code --endpoint}. */
    public Builder mgnEndpoint(URI mgnEndpoint) {
      this.mgnEndpoint = Objects.requireNonNull(mgnEndpoint, "mgnEndpoint");
      return this;
    }

    /**
     * The hostname written to the host tree's {@code proc/sys/kernel/hostname} (and {@code
     * etc/hosts} as {@code <name>.example.internal}) when the tree has no hostname file (default
     * {@code fake-source-1}).
     */
    public Builder hostname(String hostname) {
      this.hostname = Objects.requireNonNull(hostname, "hostname");
      return this;
    }

    /**
     * The MAC written to the host tree's {@code sys/class/net/eth0/address} when the tree has no
     * {@code sys/class/net} (default {@code 0a:40:f1:e8:b2:2d}); MGN identifies a reinstall by it.
     */
    public Builder macAddress(String macAddress) {
      this.macAddress = Objects.requireNonNull(macAddress, "macAddress");
      return this;
    }

    /** How the binary flavor asks for the secret and token (the {@code .py} flavor: getpass). */
    public Builder promptMode(PromptMode mode) {
      this.promptMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Flush stdout at every line even on a pipe (default: block-buffered, as Python does). */
    public Builder lineBuffered(boolean lineBuffered) {
      this.lineBuffered = lineBuffered;
      return this;
    }

    /**
     * Report each replicated disk by its first alias name (such as {@code /dev/xvda} for {@code
     * nvme0n1}) rather than by its kernel name ({@code /dev/nvme0n1}, the default, as the observed
     * transcript's "Identified volume" line shows). Which one MGN shows is not documented.
     */
    public Builder reportAliasNames(boolean alias) {
      this.reportAliasNames = alias;
      return this;
    }

    /**
     * Makes the fake's disk identification add these disks (kernel names) to every selection, as an
     * installer whose rules differ from mgn-agent's would: how the real one treats every layout is
     * not documented.
     */
    public Builder alsoReplicate(String... kernelNames) {
      alsoReplicate.addAll(List.of(kernelNames));
      return this;
    }

    public FakeInstaller build() {
      if (installRoot == null || hostRoot == null) {
        throw new IllegalStateException("a FakeInstaller needs an installRoot and a hostRoot");
      }
      try {
        Files.createDirectories(installRoot);
        writeMachineFiles();
        Control control =
            Control.create(
                installRoot.toAbsolutePath(),
                hostRoot.toAbsolutePath(),
                Optional.ofNullable(mgnEndpoint),
                promptMode,
                lineBuffered,
                reportAliasNames,
                alsoReplicate);
        return new FakeInstaller(installRoot.toAbsolutePath(), control);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void writeMachineFiles() throws IOException {
      if (!Files.exists(hostRoot.resolve("proc/sys/kernel/hostname"))
          && !Files.exists(hostRoot.resolve("etc/hostname"))) {
        write("proc/sys/kernel/hostname", hostname + "\n");
        if (!Files.exists(hostRoot.resolve("etc/hosts"))) {
          write(
              "etc/hosts",
              "127.0.0.1   localhost\n10.0.0.10   "
                  + hostname
                  + ".example.internal "
                  + hostname
                  + "\n");
        }
      }
      if (!Files.exists(hostRoot.resolve("sys/class/net"))) {
        write("sys/class/net/lo/address", "00:00:00:00:00:00\n");
        write("sys/class/net/eth0/address", macAddress + "\n");
      }
      if (!Files.exists(hostRoot.resolve("proc/version"))) {
        write(
            "proc/version",
            "Linux version 5.14.0-362.8.1.el9_3.x86_64"
                + " (mockbuild@x86-vm-07.build.eng.bos.redhat.com) (gcc (GCC) 11.4.1 20230605"
                + " (Red Hat 11.4.1-2), GNU ld version 2.35.2-42.el9) #1 SMP PREEMPT_DYNAMIC"
                + " Tue Oct 3 11:12:36 EDT 2023\n");
      }
      if (!Files.exists(hostRoot.resolve("proc/cpuinfo"))) {
        write(
            "proc/cpuinfo",
            "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Platinum 8259CL"
                + "\n\nprocessor\t: 1\nmodel name\t: Intel(R) Xeon(R) Platinum 8259CL\n\n");
      }
      if (!Files.exists(hostRoot.resolve("proc/meminfo"))) {
        write("proc/meminfo", "MemTotal:        3916068 kB\nMemAvailable:    3012345 kB\n");
      }
    }

    private void write(String relative, String text) throws IOException {
      Path file = hostRoot.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    }
  }
}
