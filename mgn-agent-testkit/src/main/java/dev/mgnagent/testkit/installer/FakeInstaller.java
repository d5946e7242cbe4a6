package dev.mgnagent.testkit.installer;

import dev.mgnagent.host.HostName;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.installer.internal.Control;
import dev.mgnagent.testkit.installer.internal.FakeInstallerMain;
import dev.mgnagent.testkit.installer.internal.RunLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * <p>The launcher is a small script that starts this JVM's Java with this JVM's class path; the
 * behaviour is read at run time from a control file under the install root, so {@link
 * #failWith(FakeInstallerFailure)} applies to the next run without a new launcher (and digest).
 */
public final class FakeInstaller {

  private final Path installRoot;
  private final Control control;

  private FakeInstaller(Path installRoot, Control control) {
    this.installRoot = installRoot;
    this.control = control;
  }

  public static Builder builder() {
    return new Builder();
  }

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
    String classPath = System.getProperty("java.class.path");
    String main = FakeInstallerMain.class.getName();
    String controlFile = control.file().toString();
    String text = flavor == InstallerFlavor.PYTHON
        ? "#!/usr/bin/env python3\n# mgn-agent testkit: fake AWS replication installer (Python flavor)\n"
            + "import os, sys\n"
            + "java = " + pyString(java) + "\n"
            + "os.execv(java, [java, '-cp', " + pyString(classPath) + ", '-Dmgnagent.fakeInstaller.control="
            + controlFile.replace("'", "\\'") + "', " + pyString(main) + ", 'python'] + sys.argv[1:])\n"
        : "#!/bin/sh\n# mgn-agent testkit: fake AWS replication installer\n"
            + "exec " + shString(java) + " -cp " + shString(classPath)
            + " " + shString("-Dmgnagent.fakeInstaller.control=" + controlFile) + " "
            + shString(main) + " binary \"$@\"\n";
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
    private String hostname;
    private String macAddress = "02:42:ac:11:00:02";

    private Builder() {}

    /** Required: the directory the fake installs into (created when missing). */
    public Builder installRoot(Path installRoot) {
      this.installRoot = Objects.requireNonNull(installRoot, "installRoot");
      return this;
    }

    /** Required: the host tree (from {@code FakeBlockDevices}) whose disks the fake sees. */
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
     * The hostname the fake reports (default: the host tree's {@code proc/sys/kernel/hostname} or
     * {@code etc/hostname}, else {@code fake-source-1}).
     */
    public Builder hostname(String hostname) {
      this.hostname = Objects.requireNonNull(hostname, "hostname");
      return this;
    }

    /** The primary MAC address the fake reports; MGN identifies a reinstall by it. */
    public Builder macAddress(String macAddress) {
      this.macAddress = Objects.requireNonNull(macAddress, "macAddress");
      return this;
    }

    public FakeInstaller build() {
      if (installRoot == null || hostRoot == null) {
        throw new IllegalStateException("a FakeInstaller needs an installRoot and a hostRoot");
      }
      try {
        Files.createDirectories(installRoot);
        String name = hostname != null ? hostname
            : HostName.of(LocalHost.rootedAt(hostRoot)).orElse("fake-source-1");
        Control control = Control.create(installRoot.toAbsolutePath(), hostRoot.toAbsolutePath(),
            Optional.ofNullable(mgnEndpoint), name, macAddress);
        return new FakeInstaller(installRoot.toAbsolutePath(), control);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
