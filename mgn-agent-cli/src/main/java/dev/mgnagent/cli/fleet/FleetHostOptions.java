package dev.mgnagent.cli.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Secret;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.fleet.FleetInventory;
import dev.mgnagent.fleet.InventoryException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every {@code fleet} command shares: the inventory, parallelism and SSH. */
public final class FleetHostOptions {

  @Option(
      names = "--inventory",
      paramLabel = "FILE",
      description =
          "The hosts, as CSV with a header: host,port,user,identity,tags,devices,user_provided_id"
              + " (only host is required).")
  Path inventory;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "How many hosts at once (default: 10).")
  int parallel = 10;

  @Option(
      names = "--known-hosts",
      paramLabel = "FILE",
      description =
          "The known_hosts file host keys are checked against (default: ~/.ssh/known_hosts).")
  Path knownHosts;

  @Option(
      names = "--accept-new-host-keys",
      description =
          "Accept and record the key of a host not yet in known_hosts (a changed key still fails).")
  boolean acceptNewHostKeys;

  @Option(
      names = "--identity",
      paramLabel = "FILE",
      description = "A private key to log in with (repeatable; default: the usual keys in ~/.ssh).")
  List<Path> identities = new ArrayList<>();

  @Option(
      names = "--user",
      paramLabel = "USER",
      description = "The user to log in as, unless the inventory names one for a host.")
  String user;

  @Option(
      names = "--sudo-password-stdin",
      description =
          "Read the sudo password from the first line of standard input (hosts where the user is"
              + " not root run the installer through sudo).")
  boolean sudoPasswordStdin;

  @Option(
      names = "--remote-root",
      hidden = true,
      paramLabel = "DIR",
      description =
          "Test-only, hidden: read each host's files (disks, /etc, /proc) under this absolute"
              + " directory of the host instead of / (a fake host tree); commands still run on the"
              + " real host.")
  String remoteRoot;

  @Mixin SshLoginOptions login;

  @Mixin JumpOption jump = new JumpOption();

  /** The most standard input read for a password. */
  private static final int MAX_STDIN = 16 * 1024;

  /**
   * Refuses two options that both read standard input.
   *
   * @param others the names of the other {@code *-stdin} options given
   */
  void requireOneStdinOption(List<String> others) {
    List<String> given = new ArrayList<>(others);
    if (sudoPasswordStdin) {
      given.add("--sudo-password-stdin");
    }
    given.addAll(login.stdinOptions());
    if (given.size() > 1) {
      throw new InvalidRequestException(
          given.get(0),
          String.join(" and ", given)
              + " both read standard input; give only one of them and the other value another way");
    }
  }

  /** The hosts, every row checked. */
  FleetInventory inventory() {
    if (parallel < 1 || parallel > 1000) {
      throw new InvalidRequestException(
          "--parallel", "--parallel " + parallel + ": give a number of hosts from 1 to 1000");
    }
    if (inventory == null) {
      throw new InvalidRequestException(
          "--inventory", "Missing required option: '--inventory=FILE'");
    }
    if (!Files.isRegularFile(inventory)) {
      throw new InvalidRequestException(
          "--inventory", "--inventory " + inventory + ": no such file");
    }
    try {
      return jump.applyTo(FleetInventory.read(inventory));
    } catch (InventoryException e) {
      throw new InvalidRequestException(
          "--inventory", "--inventory " + inventory + ": " + e.getMessage());
    }
  }

  /**
   * The parsed SSH options, with the SSH password and key passphrases (read from standard input,
   * {@value SshLoginOptions#PASSPHRASE_VARIABLE} or the context's terminal).
   */
  SshSettings ssh(CliContext context) {
    SshSettings ssh = ssh(context.environment());
    return new SshSettings(
        ssh.knownHosts(),
        ssh.acceptNewHostKeys(),
        ssh.identities(),
        ssh.user(),
        ssh.sudoPassword(),
        ssh.environment(),
        ssh.remoteRoot(),
        SshLoginOptions.passphrases(context.environment(), context.console()),
        login.password(context.console()));
  }

  /** The parsed SSH options; reads standard input for {@code --sudo-password-stdin}. */
  SshSettings ssh(Map<String, String> environment) {
    if (user != null) {
      try {
        dev.mgnagent.fleet.FleetHost.builder().address("x").user(user).build();
      } catch (InvalidRequestException e) {
        throw new InvalidRequestException("--user", "--user: " + e.getMessage());
      }
    }
    if (remoteRoot != null && !remoteRoot.startsWith("/")) {
      throw new InvalidRequestException(
          "--remote-root", "--remote-root " + remoteRoot + ": give an absolute path");
    }
    Optional<Secret> sudoPassword = Optional.empty();
    if (sudoPasswordStdin) {
      sudoPassword = Optional.of(Secret.of(firstStdinLine("--sudo-password-stdin")));
    }
    return new SshSettings(
        Optional.ofNullable(knownHosts),
        acceptNewHostKeys,
        identities,
        Optional.ofNullable(user),
        sudoPassword,
        environment,
        Optional.ofNullable(remoteRoot));
  }

  /** The first line of standard input, for the {@code option} that reads it. */
  static String firstStdinLine(String option) {
    byte[] input;
    try {
      input = System.in.readNBytes(MAX_STDIN + 1);
    } catch (java.io.IOException e) {
      throw new InvalidRequestException(option, "cannot read standard input: " + e.getMessage());
    }
    if (input.length > MAX_STDIN) {
      throw new InvalidRequestException(option, "standard input holds more than one line");
    }
    String line = new String(input, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    if (line.isEmpty()) {
      throw new InvalidRequestException(option, option + ": standard input is empty");
    }
    return line;
  }
}
