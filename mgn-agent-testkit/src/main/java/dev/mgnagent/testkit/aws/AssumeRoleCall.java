package dev.mgnagent.testkit.aws;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code AssumeRole} request the {@link FakeSts} answered, for assertions. Holds no secret:
 * only the access key IDs of the caller and of the set issued.
 *
 * @param callerAccessKeyId the access key ID the request was signed with
 * @param roleArn the {@code RoleArn} parameter (empty string when absent)
 * @param roleSessionName the {@code RoleSessionName} parameter (empty string when absent)
 * @param durationSeconds the {@code DurationSeconds} parameter, when given
 * @param policyArns the {@code PolicyArns.member.N.arn} parameters, in order
 * @param errorCode the error answered, or empty on success
 * @param issuedAccessKeyId the {@code ASIA...} key issued, or empty on an error
 * @param expiration the {@code Expiration} of the set issued, or empty on an error
 */
public record AssumeRoleCall(
    String callerAccessKeyId,
    String roleArn,
    String roleSessionName,
    OptionalInt durationSeconds,
    List<String> policyArns,
    Optional<String> errorCode,
    Optional<String> issuedAccessKeyId,
    Optional<Instant> expiration) {

  /** Copies the list. */
  public AssumeRoleCall {
    policyArns = List.copyOf(policyArns);
  }
}
