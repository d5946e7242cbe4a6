package dev.mgnagent.testkit.ssm;

import java.nio.file.Path;
import java.util.Map;

/**
 * One managed instance of a {@link FakeSsm}.
 *
 * @param name the name it was added with
 * @param instanceId its managed instance ID ({@code mi-} and 17 hex digits)
 * @param root its fake Linux host tree ({@code MGNAGENT_FAKE_HOST_ROOT} of its processes)
 * @param hostname the hostname in its tree
 * @param macAddress the MAC of its {@code eth0}
 * @param tags its tags
 */
public record FakeManagedInstance(
    String name,
    String instanceId,
    Path root,
    String hostname,
    String macAddress,
    Map<String, String> tags) {

  public FakeManagedInstance {
    tags = Map.copyOf(tags);
  }
}
