package dev.mgnagent.preflight.internal;

import dev.mgnagent.MgnAgentException;
import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.internal.MgnClientFactory;
import dev.mgnagent.mgn.internal.MgnErrors;
import dev.mgnagent.preflight.internal.PreflightCheck.Verdict;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.UninitializedAccountException;

/**
 * A signed {@code DescribeSourceServers} call: the credentials are valid and MGN is initialized in
 * the region. No STS call is made.
 */
final class CredentialsCheck {

  static final String ID = "credentials.mgn";
  static final String TITLE = "Credentials accepted, MGN initialized";

  private CredentialsCheck() {}

  static PreflightCheck check() {
    return PreflightCheck.of(ID, TITLE, CheckContext::credentialsVerdict);
  }

  /**
   * Makes the call (on a probe thread); never throws. {@code started} runs once the client is
   * built, just before the request goes out.
   */
  static Verdict call(Settings s, Duration timeout, Runnable started) {
    if (s.mgnClient().isEmpty() && s.credentials().isEmpty()) {
      return Verdict.skipped(
          "no credentials given (a profile, or AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY in the environment)");
    }
    if (s.mgnClient().isEmpty() && s.region().isEmpty()) {
      return Verdict.skipped("no region given, so there is no MGN to ask");
    }
    String region =
        s.region().orElseGet(() -> s.mgnClient().get().serviceClientConfiguration().region().id());
    MgnClient client =
        s.mgnClient()
            .orElseGet(
                () -> MgnClientFactory.create(Region.of(region), s.credentials(), s.mgnEndpoint()));
    try {
      started.run();
      client.describeSourceServers(
          r -> r.maxResults(1).overrideConfiguration(o -> o.apiCallTimeout(timeout)));
      return Verdict.pass(
          "DescribeSourceServers succeeded in "
              + region
              + ": the credentials are valid and MGN is initialized");
    } catch (UninitializedAccountException e) {
      return Verdict.fail(
          "MGN is not initialized in " + region + " (UninitializedAccountException)",
          "initialize MGN in "
              + region
              + " with an administrator's credentials (ServiceRoleInitializer, or 'mgn-agent"
              + " init-service'); the installer otherwise fails with 'account not"
              + " being initialized'");
    } catch (SdkException e) {
      return explain(MgnErrors.translate("DescribeSourceServers", e, region, s.mgnEndpoint()));
    } finally {
      if (s.mgnClient().isEmpty()) {
        client.close();
      }
    }
  }

  static Verdict explain(MgnAgentException e) {
    Optional<String> code = e instanceof MgnServiceException m ? m.errorCode() : Optional.empty();
    if (code.filter("AccessDeniedException"::equals).isPresent()) {
      return Verdict.warn(
          "the credentials were accepted but may not call DescribeSourceServers:"
              + " typical of installer keys limited to"
              + " AWSApplicationMigrationAgentInstallationPolicy, which can install but cannot"
              + " tell whether MGN is initialized",
          "fine for installing; to check initialization run preflight with credentials that have"
              + " MGN read access (a profile)");
    }
    return Verdict.fail(
        PrivilegeChecks.firstLine(e.getMessage()),
        "fix the credentials or the endpoint (the installer otherwise fails with 'Failed to"
            + " validate AWS credentials')");
  }
}
