package dev.mgnagent.fleet.ssm;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Gives the short-lived credentials the installer on each node registers with. Called once per
 * command sent ({@code SendCommand}), so that each batch of nodes gets credentials that outlive its
 * invocations: an implementation mints them (STS {@code AssumeRole}) for at least {@code mustLast}.
 * Whatever it returns must be session credentials whose access key ID starts with {@code ASIA};
 * anything else is refused with a {@link LongLivedCredentialsException} before it reaches Systems
 * Manager.
 */
@FunctionalInterface
public interface InstallCredentials {

  /**
   * Credentials valid for at least {@code mustLast} from now.
   *
   * @param mustLast how long the batch's invocations may take (delivery plus execution timeout)
   */
  AwsCredentials mint(Duration mustLast);
}
