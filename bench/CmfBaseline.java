import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;

/**
 * The baseline of the fleet benchmark: the same hosts installed the way AWS Cloud Migration
 * Factory's Linux agent install does it (a pool of processes, a new SSH connection for every
 * command, the installer downloaded on each host and run there with {@code --no-prompt}, success
 * read from the output), with Apache MINA's client directly. 10 hosts at a time unless told.
 *
 * <p>Per host, each on a connection of its own: {@code which curl}, {@code which python3} (CMF
 * checks for its download tool and Python and installs them when missing), the download from the
 * bucket, {@code chmod +x}, the installer through {@code sudo -n}, and the removal of the file.
 * Unlike CMF, the secret key is typed on the installer's stdin when it asks, not put on its command
 * line. No disk inventory, preflight or registration check is done: CMF does none in this step.
 */
final class CmfBaseline {

  private static final Pattern ID = Pattern.compile("source server ID: (s-[0-9a-zA-Z]{17})");

  private CmfBaseline() {}

  static void run(Path dir, int parallel) throws Exception {
    FleetScale.Served served = FleetScale.Served.load(dir);
    String user = served.get("user");
    String url = served.get("installerUrl");
    String endpoint = served.get("mgnEndpoint");
    String s3 = served.get("s3Endpoint");
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        new KnownHostsServerKeyVerifier(
            RejectAllServerKeyVerifier.INSTANCE, Path.of(served.get("knownHosts"))));
    client.setKeyIdentityProvider(new FileKeyPairProvider(Path.of(served.get("identity"))));
    client.start();
    FleetScale.Meter meter = FleetScale.Meter.start();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    List<Future<long[]>> results = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (var host : served.hosts()) {
      int port = host.port().orElseThrow();
      results.add(
          pool.submit(
              () -> {
                long start = System.nanoTime();
                String file = "aws-replication-installer-init";
                exec(client, user, port, "which curl", null);
                exec(client, user, port, "which python3", null);
                exec(client, user, port, "curl -fsS --retry 3 -o " + file + " '" + url + "'", null);
                exec(client, user, port, "chmod +x " + file, null);
                String out =
                    exec(
                        client,
                        user,
                        port,
                        "sudo -n ./"
                            + file
                            + " --region "
                            + FleetScale.REGION
                            + " --aws-access-key-id "
                            + FleetScale.KEY_ID
                            + " --no-prompt --endpoint "
                            + endpoint
                            + " --s3-endpoint "
                            + s3,
                        FleetScale.SECRET + "\n");
                exec(client, user, port, "rm -f " + file, null);
                Matcher m = ID.matcher(out);
                boolean ok = out.contains("successfully installed") && m.find();
                if (ok) {
                  synchronized (ids) {
                    ids.add(m.group(1));
                  }
                } else {
                  System.out.println("  not installed: port " + port + ": " + tail(out));
                }
                return new long[] {ok ? 1 : 0, (System.nanoTime() - start) / 1_000_000};
              }));
    }
    long installed = 0;
    long sumMs = 0;
    long maxMs = 0;
    for (Future<long[]> result : results) {
      long[] r = result.get();
      installed += r[0];
      sumMs += r[1];
      maxMs = Math.max(maxMs, r[1]);
    }
    FleetScale.Meter.Figures figures = meter.stop();
    pool.shutdown();
    client.stop();
    Set<String> distinct = new HashSet<>(ids);
    FleetScale.report(
        "cmf", served.hosts().size(), parallel, installed, distinct.size(), sumMs, maxMs, figures);
  }

  /** One command on a new connection: connect, authenticate, run, read, disconnect. */
  private static String exec(SshClient client, String user, int port, String command, String stdin)
      throws Exception {
    try (ClientSession session =
        client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(30)).getSession()) {
      session.auth().verify(Duration.ofSeconds(30));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ChannelExec exec = session.createExecChannel(command)) {
        exec.setOut(out);
        exec.setErr(out);
        if (stdin != null) {
          exec.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        }
        exec.open().verify(Duration.ofSeconds(30));
        exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofMinutes(5));
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static String tail(String out) {
    String s = out.strip();
    return s.length() > 300 ? s.substring(s.length() - 300) : s;
  }
}
