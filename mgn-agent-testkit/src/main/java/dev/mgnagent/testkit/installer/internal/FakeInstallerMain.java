package dev.mgnagent.testkit.installer.internal;

import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import dev.mgnagent.testkit.installer.FakeInstallerRun;
import dev.mgnagent.testkit.installer.PromptMode;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The fake installer's program, started by the launcher {@link
 * dev.mgnagent.testkit.installer.FakeInstaller#launcher} writes: {@code FakeInstallerMain <flavor>
 * <installer arguments...>}. It prints the real installer's transcript. Like a Python program, its
 * stdout is block-buffered on a pipe (unless the test asks for line buffering) and flushed at each
 * visible prompt; the secret prompts follow the {@link PromptMode}. It checks its parameters and
 * the credentials before it prints the download and install lines or writes any file, finds the
 * host's disks with its own rules ({@link HostDisks}) and reports the host's own facts ({@link
 * HostFacts}). It uses none of mgn-agent's disk, selection or host code.
 */
public final class FakeInstallerMain {

  static final String DISK_PROMPT =
      "To replicate some of the disks, type the path of the disks,"
          + " separated with a comma (for example, /dev/sda,/dev/sdb). To replicate all disks, press"
          + " Enter: ";

  /** MGN's pattern for {@code userProvidedID} (1 to 256 characters). */
  private static final Pattern USER_PROVIDED_ID = Pattern.compile("[^\\s\\x00]( *[^\\s\\x00])*");

  private final Control control;

  /** The host tree whose disks and facts it reports. */
  private final Path hostRoot;

  /** Where it writes its installation. */
  private final Path installRoot;

  private final Optional<FakeInstallerFailure> failure;
  private final boolean python;
  private final boolean terminal;
  private final PrintStream out;
  private final PrintStream err =
      new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

  private FakeInstallerMain(Control control, boolean python) throws IOException {
    this.control = control;
    // on a fake SSH host, the host it runs on, named by that host's exec environment: the same
    // launcher serves every host
    Optional<Path> host =
        Optional.ofNullable(System.getenv(FakeInstaller.HOST_ROOT_VARIABLE))
            .filter(value -> !value.isBlank())
            .map(Path::of);
    this.hostRoot = host.orElse(control.hostRoot());
    this.installRoot = host.orElse(control.installRoot());
    this.failure = control.failure();
    this.python = python;
    this.terminal = hasTerminal();
    boolean lineBuffered = terminal || control.lineBuffered();
    // a Python program's stdout on a pipe: an 8 KiB buffer, flushed when full, at input() and at
    // exit
    this.out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 8192),
            lineBuffered,
            StandardCharsets.UTF_8);
  }

  public static void main(String[] argv) {
    String controlFile = System.getProperty("mgnagent.fakeInstaller.control");
    if (controlFile == null || argv.length == 0) {
      System.out.println(
          "Error: this fake installer has no install root to write into; it refuses"
              + " to run (start it through the launcher FakeInstaller writes)");
      System.exit(3);
    }
    int code;
    FakeInstallerMain installer = null;
    try {
      Control control = Control.read(Path.of(controlFile));
      List<String> args = List.of(argv).subList(1, argv.length);
      installer = new FakeInstallerMain(control, argv[0].equals("python"));
      installer.record(args);
      code = installer.run(args);
    } catch (IOException e) {
      PrintStream out = installer != null ? installer.out : System.out;
      out.println("Installation failed.");
      out.println("Error details: " + e.getMessage());
      code = 1;
    }
    if (installer != null) {
      installer.out.flush();
    }
    System.out.flush();
    System.exit(code);
  }

  private void record(List<String> args) throws IOException {
    long pid = ProcessHandle.current().pid();
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long session = Long.parseLong(fields[3]);
    boolean terminal = Long.parseLong(fields[4]) != 0;
    List<String> names = new ArrayList<>(new TreeSet<>(System.getenv().keySet()));
    RunLog.in(control.installRoot())
        .record(
            new FakeInstallerRun(
                args, names, python ? "python" : "binary", pid, session, terminal));
  }

  private static boolean hasTerminal() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    return !stat.substring(stat.lastIndexOf(')') + 2).split(" ")[4].equals("0");
  }

  private int run(List<String> argv) throws IOException {
    if (failure.equals(Optional.of(FakeInstallerFailure.NOT_ROOT))) {
      out.println("Error: You need to have root privileges to run this script");
      return 1;
    }
    InstallerArgs args;
    try {
      args = InstallerArgs.parse(argv);
    } catch (InstallerArgs.UsageError e) {
      System.err.println("usage: aws-replication-installer-init [-h] [--region REGION] ...");
      System.err.println("aws-replication-installer-init: error: " + e.getMessage());
      return 2;
    }
    Optional<String> invalid = invalidParameters(args);
    if (invalid.isPresent()) {
      err.println("aws-replication-installer-init: error: " + invalid.get());
      return 2;
    }
    Installation installation = new Installation(installRoot);
    out.println("The installation of the AWS Replication Agent has started.");
    PromptMode mode = python ? PromptMode.GETPASS : control.promptMode();
    Prompter prompter = new Prompter(out, err, terminal, mode);
    String region = args.region.isPresent() ? args.region.get() : prompter.ask("AWS Region Name: ");
    String keyId =
        args.accessKeyId.isPresent() ? args.accessKeyId.get() : prompter.ask("AWS Access Key ID: ");
    String secret =
        args.secretAccessKey.isPresent()
            ? args.secretAccessKey.get()
            : prompter.askSecret("AWS Secret Access Key: ");
    String token = args.sessionToken.orElse(null);
    if (token == null && keyId.startsWith("ASIA")) {
      token = prompter.askSecret("AWS Session Token: ");
    }
    if (is(FakeInstallerFailure.INVALID_CREDENTIALS)) {
      out.println("Failed to validate AWS credentials");
      return 1;
    }
    if (is(FakeInstallerFailure.ECHO_SECRET)) {
      out.println("Error: request signed with " + keyId + "/" + secret + " was refused");
      return 1;
    }
    // the credentials are checked first, before anything is downloaded or written
    URI endpoint = endpoint(args, region);
    Optional<String> refused;
    try {
      refused = AgentRegistration.validate(endpoint, region, keyId, secret, token);
    } catch (IOException e) {
      out.println("urlopen error [Errno 111] Connection refused: " + endpoint.getHost());
      return 1;
    }
    if (refused.isPresent()) {
      out.println("Failed to validate AWS credentials");
      out.println("Error details: " + refused.get());
      return 1;
    }

    out.println("Identifying volumes for replication.");
    HostDisks hostDisks = HostDisks.read(hostRoot);
    Optional<List<Map<String, Object>>> disks = identifyDisks(args, prompter, hostDisks);
    if (disks.isEmpty()) {
      return 1;
    }
    out.println("All volumes for replication were successfully identified.");
    if (is(FakeInstallerFailure.HANG)) {
      new ProcessBuilder("sleep", "100000").start();
      while (true) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (is(FakeInstallerFailure.SILENT_EXIT)) {
      return 1;
    }
    out.println("Downloading the AWS Replication Agent onto the source server...");
    if (is(FakeInstallerFailure.CRASH)) {
      new IllegalStateException("segment download interrupted").printStackTrace();
      System.err.flush();
      Runtime.getRuntime().halt(134);
    }
    out.println("Finished.");
    out.println("Installing the AWS Replication Agent onto the source server...");
    if (is(FakeInstallerFailure.GCC_MISSING)) {
      out.println("gcc was not found and could not be automatically fetched");
      return 1;
    }
    if (is(FakeInstallerFailure.KERNEL_HEADERS_MISSING)) {
      out.println("make: *** /lib/modules/build: No such file or directory.  Stop.");
      out.println("Are kernel linux headers installed correctly?");
      return 1;
    }
    installation.createUserAndFiles();
    out.println("Finished.");
    out.println("Syncing the source server with the Application Migration Service Console...");
    if (is(FakeInstallerFailure.ACCOUNT_NOT_INITIALIZED)) {
      out.println(
          "AWS Replication Agent installation failed due to the account not being initialized");
      return 1;
    }
    if (is(FakeInstallerFailure.PREVIOUSLY_INSTALLED)) {
      out.println(
          "Cannot install agent, as this server was previously installed to replicate into"
              + " another region or account");
      return 1;
    }
    return register(
        args, endpoint, region, keyId, secret, token, disks.get(), hostDisks, installation);
  }

  private URI endpoint(InstallerArgs args, String region) {
    return args.endpoint
        .map(e -> URI.create(e.contains("://") ? e : "https://" + e))
        .or(control::mgnEndpoint)
        .orElse(URI.create("https://mgn." + region + ".amazonaws.com"));
  }

  /**
   * MGN's rules for what the installer passes on: at most 50 tags, keys of 1 to 128 characters not
   * starting with {@code aws:}, values of at most 256; a user-provided ID of 1 to 256 characters
   * without leading, trailing or non-space blanks.
   */
  static Optional<String> invalidParameters(InstallerArgs args) {
    if (args.tags.size() > 50) {
      return Optional.of("argument --tags: at most 50 tags");
    }
    for (Map.Entry<String, String> tag : args.tags.entrySet()) {
      String key = tag.getKey();
      if (key.isEmpty()
          || key.length() > 128
          || key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
        return Optional.of("argument --tags: invalid tag key '" + key + "'");
      }
      if (tag.getValue().length() > 256) {
        return Optional.of("argument --tags: the value of '" + key + "' is too long");
      }
    }
    if (args.userProvidedId.isPresent()) {
      String id = args.userProvidedId.get();
      if (id.isEmpty() || id.length() > 256 || !USER_PROVIDED_ID.matcher(id).matches()) {
        return Optional.of("argument --user-provided-id: invalid value");
      }
    }
    return Optional.empty();
  }

  private int register(
      InstallerArgs args,
      URI endpoint,
      String region,
      String keyId,
      String secret,
      String token,
      List<Map<String, Object>> disks,
      HostDisks hostDisks,
      Installation installation)
      throws IOException {
    AgentRegistration.Answer answer;
    List<Map<String, Object>> all = new ArrayList<>();
    for (HostDisks.HostDisk d : hostDisks.disks()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("deviceName", "/dev/" + d.name());
      entry.put("bytes", d.bytes());
      all.add(entry);
    }
    try {
      answer =
          AgentRegistration.register(
              endpoint,
              region,
              keyId,
              secret,
              token,
              AgentRegistration.body(
                  HostFacts.read(hostRoot),
                  disks,
                  all,
                  args.tags,
                  args.userProvidedId.orElse(null),
                  args.noReplication));
    } catch (IOException e) {
      out.println("urlopen error [Errno 111] Connection refused: " + endpoint.getHost());
      return 1;
    }
    if (answer.status() >= 400) {
      out.println(explain(answer));
      return 1;
    }
    installation.writeConfig(answer.sourceServerId(), region);
    installation.log("registered " + answer.sourceServerId());
    out.println("Finished.");
    out.println("The following is the source server ID: " + answer.sourceServerId() + ".");
    out.println("You now have 1 active source server out of a total quota of 150.");
    out.println(
        "Learn more about increasing source servers limit at"
            + " https://docs.aws.amazon.com/mgn/latest/ug/MGN-service-limits.html");
    out.println("The AWS Replication Agent was successfully installed.");
    return 0;
  }

  private static String explain(AgentRegistration.Answer answer) {
    return switch (answer.errorCode()) {
      case "UninitializedAccountException" ->
          "AWS Replication Agent installation failed due to the account not being initialized";
      case "UnrecognizedClientException", "InvalidSignatureException" ->
          "Failed to validate AWS credentials";
      case "ConflictException" -> "Error: " + answer.message();
      default ->
          "Installation failed. Error details: " + answer.errorCode() + ": " + answer.message();
    };
  }

  /** The disks to replicate, each with its device name and size; empty after a refusal. */
  private Optional<List<Map<String, Object>>> identifyDisks(
      InstallerArgs args, Prompter prompter, HostDisks host) throws IOException {
    List<Map<String, Object>> disks = new ArrayList<>();
    if (args.forceVolumes) {
      // no detection: the paths exactly as listed
      for (String path : args.devices.orElseThrow().split(",")) {
        long bytes = host.resolve(path.strip()).map(HostDisks.HostDisk::bytes).orElse(0L);
        disks.add(disk(path.strip(), bytes));
      }
      return Optional.of(disks);
    }
    Optional<Map<String, String>> chosen;
    if (args.noPrompt) {
      chosen = choose(args.devices.orElse(""), host);
      if (chosen.isEmpty()) {
        out.println("Installation failed.");
        return Optional.empty();
      }
    } else {
      out.println(
          "Choose the disks you want to replicate. Your disks are: "
              + String.join(",", host.listing()));
      chosen = Optional.empty();
      for (int attempt = 0; attempt < 3 && chosen.isEmpty(); attempt++) {
        chosen = choose(prompter.ask(DISK_PROMPT), host);
      }
      if (chosen.isEmpty()) {
        out.println("Installation failed.");
        return Optional.empty();
      }
    }
    boolean alias = control.reportAliasNames();
    for (Map.Entry<String, String> e : chosen.get().entrySet()) {
      HostDisks.HostDisk disk = host.resolve("/dev/" + e.getKey()).orElseThrow();
      String name =
          "/dev/" + (alias && !disk.aliases().isEmpty() ? disk.aliases().get(0) : disk.name());
      out.println(
          "Identified volume for replication: "
              + name
              + " of size "
              + Math.max(1, Math.round(disk.bytes() / (double) (1L << 30)))
              + " GiB");
      disks.add(disk(name, disk.bytes()));
    }
    return Optional.of(disks);
  }

  /**
   * The disks an answer names (kernel name to the path as typed), the root disk always added and a
   * partition standing for its disk; every disk for an empty answer; empty (after saying why) when
   * a path is no disk.
   */
  private Optional<Map<String, String>> choose(String answer, HostDisks host) {
    Map<String, String> chosen = new LinkedHashMap<>();
    if (answer.isBlank()) {
      host.disks().forEach(d -> chosen.put(d.name(), "/dev/" + d.name()));
    } else {
      for (String path : answer.split(",")) {
        String p = path.strip();
        Optional<HostDisks.HostDisk> disk = host.resolve(p);
        if (disk.isEmpty()) {
          out.println("Invalid disk selection: " + p + " is not a disk of this server");
          return Optional.empty();
        }
        chosen.putIfAbsent(disk.get().name(), p);
      }
    }
    Set<String> also = control.alsoReplicate();
    for (HostDisks.HostDisk d : host.disks()) {
      if ((host.rootDisks().contains(d.name()) || also.contains(d.name()))
          && !chosen.containsKey(d.name())) {
        chosen.put(d.name(), "/dev/" + d.name());
      }
    }
    return Optional.of(chosen);
  }

  private static Map<String, Object> disk(String name, long bytes) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("deviceName", name);
    entry.put("bytes", bytes);
    return entry;
  }

  private boolean is(FakeInstallerFailure f) {
    return failure.equals(Optional.of(f));
  }
}
