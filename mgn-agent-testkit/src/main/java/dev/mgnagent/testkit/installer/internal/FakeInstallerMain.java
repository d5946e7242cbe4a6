package dev.mgnagent.testkit.installer.internal;

import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.SelectedDisk;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import dev.mgnagent.testkit.installer.FakeInstallerRun;
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
import java.util.TreeSet;

/**
 * The fake installer's program, started by the launcher {@link
 * dev.mgnagent.testkit.installer.FakeInstaller#launcher} writes: {@code FakeInstallerMain <flavor>
 * <installer arguments...>}. It prints the real installer's transcript (facts, section 2).
 */
public final class FakeInstallerMain {

  static final String DISK_PROMPT = "To replicate some of the disks, type the path of the disks,"
      + " separated with a comma (for example, /dev/sda,/dev/sdb). To replicate all disks, press"
      + " Enter: ";

  private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  private final Control control;
  private final Optional<FakeInstallerFailure> failure;
  private final boolean python;

  private FakeInstallerMain(Control control, boolean python) {
    this.control = control;
    this.failure = control.failure();
    this.python = python;
  }

  public static void main(String[] argv) {
    String controlFile = System.getProperty("mgnagent.fakeInstaller.control");
    if (controlFile == null || argv.length == 0) {
      System.out.println("Error: this fake installer has no install root to write into; it refuses"
          + " to run (start it through the launcher FakeInstaller writes)");
      System.exit(3);
    }
    int code;
    try {
      Control control = Control.read(Path.of(controlFile));
      List<String> args = List.of(argv).subList(1, argv.length);
      FakeInstallerMain installer = new FakeInstallerMain(control, argv[0].equals("python"));
      installer.record(args);
      code = installer.run(args);
    } catch (IOException e) {
      System.out.println("Installation failed.");
      System.out.println("Error details: " + e.getMessage());
      code = 1;
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
    RunLog.in(control.installRoot()).record(new FakeInstallerRun(args, names,
        python ? "python" : "binary", pid, session, terminal));
  }

  private boolean hasTerminal() throws IOException {
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
    Installation installation = new Installation(control.installRoot());
    out.println("The installation of the AWS Replication Agent has started.");
    Prompter prompter = new Prompter(out, hasTerminal(), python);
    String region = args.region.isPresent() ? args.region.get() : prompter.ask("AWS Region Name: ");
    String keyId = args.accessKeyId.isPresent() ? args.accessKeyId.get()
        : prompter.ask("AWS Access Key ID: ");
    String secret = args.secretAccessKey.isPresent() ? args.secretAccessKey.get()
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

    out.println("Identifying volumes for replication.");
    Optional<List<Map<String, Object>>> disks = identifyDisks(args, prompter);
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
      out.println("AWS Replication Agent installation failed due to the account not being initialized");
      return 1;
    }
    if (is(FakeInstallerFailure.PREVIOUSLY_INSTALLED)) {
      out.println("Cannot install agent, as this server was previously installed to replicate into"
          + " another region or account");
      return 1;
    }
    return register(args, region, keyId, secret, token, disks.get(), installation);
  }

  private int register(InstallerArgs args, String region, String keyId, String secret, String token,
      List<Map<String, Object>> disks, Installation installation) throws IOException {
    URI endpoint = args.endpoint.map(e -> URI.create(e.contains("://") ? e : "https://" + e))
        .or(control::mgnEndpoint)
        .orElse(URI.create("https://mgn." + region + ".amazonaws.com"));
    AgentRegistration.Answer answer;
    try {
      answer = AgentRegistration.register(endpoint, region, keyId, secret, token,
          AgentRegistration.body(control.hostname(), control.macAddress(), disks, args.tags,
              args.userProvidedId.orElse(null), args.noReplication));
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
    out.println("Learn more about increasing source servers limit at"
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
      default -> "Installation failed. Error details: " + answer.errorCode() + ": " + answer.message();
    };
  }

  /** The disks to replicate, each with its device name and size; empty after a refusal. */
  private Optional<List<Map<String, Object>>> identifyDisks(InstallerArgs args, Prompter prompter)
      throws IOException {
    Host host = LocalHost.rootedAt(control.hostRoot());
    Inventory inventory = DiskInventory.of(host).read();
    ReplicationSelection rules = ReplicationSelection.of(inventory, DevicePaths.of(host));
    Selection selection;
    if (args.forceVolumes) {
      selection = rules.select(SelectionRequest.forced(args.devices.orElseThrow()));
    } else if (args.noPrompt) {
      selection = rules.select(new SelectionRequest(args.devices, false, true));
    } else {
      out.println("Choose the disks you want to replicate. Your disks are: "
          + String.join(",", inventory.disks().stream().map(d -> d.path()).toList()));
      selection = null;
      for (int attempt = 0; attempt < 3 && selection == null; attempt++) {
        String answer = prompter.ask(DISK_PROMPT);
        try {
          selection = rules.select(SelectionRequest.devices(answer));
        } catch (RuntimeException e) {
          out.println("Invalid disk selection: " + e.getMessage());
        }
      }
      if (selection == null) {
        out.println("Installation failed.");
        return Optional.empty();
      }
    }
    List<Map<String, Object>> disks = new ArrayList<>();
    for (SelectedDisk disk : selection.disks()) {
      long size = disk.sizeBytes();
      out.println("Identified volume for replication: " + disk.path() + " of size "
          + Math.max(1, Math.round(size / (double) (1L << 30))) + " GiB");
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("deviceName", disk.path());
      entry.put("bytes", size);
      disks.add(entry);
    }
    return Optional.of(disks);
  }

  private boolean is(FakeInstallerFailure f) {
    return failure.equals(Optional.of(f));
  }
}
