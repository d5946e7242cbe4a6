package dev.mgnagent.cli.sandbox;

import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.testkit.ssm.FakeSsm;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The sandbox's optional fake Systems Manager ({@code sandbox --ssm-instances N}): N managed
 * instances under the sandbox's directory, accepting the sandbox's administrator keys, with a set
 * of temporary install keys that the sandbox's MGN accepts.
 */
final class SandboxSsm implements AutoCloseable {

  /** Temporary keys for the installers; fixed, like the sandbox's other keys, and fake. */
  static final String INSTALL_KEY_ID = "ASIASANDBOXINSTALL01";

  static final String INSTALL_SECRET = "sandboxInstallSecretKey0000000000000000001";
  static final String INSTALL_TOKEN = "sandboxInstallSessionToken//notARealToken";

  private final FakeSsm ssm;

  private SandboxSsm(FakeSsm ssm) {
    this.ssm = ssm;
  }

  /** Starts N instances, or nothing when N is 0. */
  static SandboxSsm start(SandboxServers sandbox, String region, int instances) {
    if (instances == 0) {
      return new SandboxSsm(null);
    }
    FakeSsm ssm =
        FakeSsm.builder()
            .directory(sandbox.directory().resolve("ssm"))
            .region(region)
            .instances(instances)
            .build()
            .start();
    ssm.addCredentials(sandbox.mgn().adminCredentials());
    sandbox
        .mgn()
        .addCredentials(
            AwsSessionCredentials.create(INSTALL_KEY_ID, INSTALL_SECRET, INSTALL_TOKEN),
            Set.of("*"));
    return new SandboxSsm(ssm);
  }

  /** Adds ssmEndpoint, ssmInstanceIds and the install keys to the sandbox's JSON line. */
  void describe(JsonWriter line) {
    if (ssm == null) {
      return;
    }
    line.field("ssmEndpoint", ssm.endpoint().toString())
        .field("ssmInstanceIds", ssm.instanceIds())
        .field("installAccessKeyId", INSTALL_KEY_ID)
        .field("installSecretAccessKey", INSTALL_SECRET)
        .field("installSessionToken", INSTALL_TOKEN);
  }

  @Override
  public void close() {
    if (ssm != null) {
      ssm.close();
    }
  }
}
