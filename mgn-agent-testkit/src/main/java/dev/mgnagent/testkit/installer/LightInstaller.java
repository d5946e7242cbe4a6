package dev.mgnagent.testkit.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A light stand-in for AWS's Linux replication-agent installer, for benchmarks and tests that run
 * it on hundreds of hosts at once: a bash script that needs only {@code bash} and {@code curl} (no
 * JVM per run), where {@link FakeInstaller} starts a JVM for every run.
 *
 * <pre>{@code
 * byte[] launcher = LightInstaller.builder().mgnEndpoint(mgn.endpoint()).build().launcher();
 * FakeInstallerBucket bucket = FakeInstallerBucket.builder()
 *     .installer(InstallerFlavor.BINARY, launcher)
 *     .build().start();
 * }</pre>
 *
 * <p>It is written from the installer's documented parameters and an observed transcript, not from
 * mgn-agent's code: it takes the documented options ({@code --region}, {@code --aws-access-key-id},
 * {@code --aws-secret-access-key}, {@code --aws-session-token}, {@code --no-prompt}, {@code
 * --devices}, {@code --force-volumes}, {@code --tags}, {@code --s3-endpoint}, {@code
 * --user-provided-id}, {@code --endpoint}, {@code --no-replication}, {@code --dualstack}), asks for
 * what is missing ({@code AWS Region Name:} and {@code AWS Access Key ID:} on stdout, the secret
 * key and, for keys starting with {@code ASIA}, the session token on stderr or, with {@link
 * Builder#promptMode}, on stdout; every answer read from stdin), lists the host's disks, checks the
 * keys ({@code Failed to validate AWS credentials}), registers with the fake MGN's {@code POST
 * /fake-agent/RegisterAgentForMgn} (SigV4 signed by curl; the keys reach curl on its stdin, never
 * on its command line) and prints the source server ID. A failure prints {@code Installation
 * failed.} and {@code Error details: ...} and exits 1.
 *
 * <p>Like {@link FakeInstaller}, it reads the host tree named by {@value
 * FakeInstaller#HOST_ROOT_VARIABLE} (a fake SSH host's commands have it): the disks in {@code
 * sys/block}, the name in {@code proc/sys/kernel/hostname}, the MAC in {@code
 * sys/class/net/eth0/address}; it installs by creating {@code var/lib/aws-replication-agent} in
 * that tree ({@link FakeInstaller#isInstalledOn}). It has no failure switches and keeps no record
 * of its runs: use {@link FakeInstaller} for those.
 */
public final class LightInstaller {

  private static final String RESOURCE = "light-installer.sh";
  private static final String ENDPOINT_MARK = "@DEFAULT_ENDPOINT@";
  private static final String PROMPTS_MARK = "@SECRET_PROMPTS@";

  private final URI mgnEndpoint;
  private final PromptMode promptMode;

  private LightInstaller(URI mgnEndpoint, PromptMode promptMode) {
    this.mgnEndpoint = mgnEndpoint;
    this.promptMode = promptMode;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The script to publish as the binary installer: it uses {@code --endpoint} when given, else the
   * builder's MGN endpoint.
   */
  public byte[] launcher() {
    String script;
    try (InputStream in = LightInstaller.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the testkit lacks its resource " + RESOURCE);
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String endpoint = mgnEndpoint == null ? "" : mgnEndpoint.toString();
    if (endpoint.contains("'") || endpoint.contains("\n")) {
      throw new IllegalArgumentException("the MGN endpoint cannot be put in a script: " + endpoint);
    }
    return script
        .replace(ENDPOINT_MARK, endpoint)
        .replace(PROMPTS_MARK, promptMode == PromptMode.GETPASS ? "stderr" : "stdout")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Configures a {@link LightInstaller}. */
  public static final class Builder {
    private URI mgnEndpoint;
    private PromptMode promptMode = PromptMode.GETPASS;

    private Builder() {}

    /**
     * Where the secret key and session token prompts go: {@link PromptMode#GETPASS} (the default)
     * writes them on stderr, as a password reader without a terminal does; {@link
     * PromptMode#MASKED_ON_STDOUT} on stdout, the answer shown as {@code ****}. Either way the
     * answer is read from stdin.
     */
    public Builder promptMode(PromptMode promptMode) {
      this.promptMode = Objects.requireNonNull(promptMode, "promptMode");
      return this;
    }

    /**
     * The MGN endpoint used when the installer is not given {@code --endpoint}; without one, the
     * region's public endpoint {@code https://mgn.REGION.amazonaws.com}.
     */
    public Builder mgnEndpoint(URI mgnEndpoint) {
      this.mgnEndpoint = Objects.requireNonNull(mgnEndpoint, "mgnEndpoint");
      return this;
    }

    public LightInstaller build() {
      return new LightInstaller(mgnEndpoint, promptMode);
    }
  }
}
