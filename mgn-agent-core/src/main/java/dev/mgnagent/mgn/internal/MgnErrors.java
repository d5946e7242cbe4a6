package dev.mgnagent.mgn.internal;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.mgn.MgnServiceException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the AWS SDK throws on an MGN call into a {@link MgnServiceException} whose message
 * says what happened and what to do (facts, sections 6 and 8), or, when no credentials were found
 * at all, an {@link InvalidRequestException}: an answer is needed that nobody gave.
 */
public final class MgnErrors {

  /** Roles MGN creates when it is initialized (facts, section 6). */
  static final String ROLES =
      "AWSServiceRoleForApplicationMigrationService, AWSApplicationMigrationReplicationServerRole,"
          + " AWSApplicationMigrationConversionServerRole, AWSApplicationMigrationMGHRole,"
          + " AWSApplicationMigrationLaunchInstanceWithDrsRole,"
          + " AWSApplicationMigrationLaunchInstanceWithSsmRole, AWSApplicationMigrationFsxProxyRole,"
          + " AWSApplicationMigrationFsxProxyLinkRole, AWSApplicationMigrationAgentRole";

  private MgnErrors() {}

  /**
   * @param region the region the call went to, for messages
   * @param endpoint the endpoint override, when one was used
   */
  public static MgnAgentException translate(
      String operation, SdkException e, String region, Optional<URI> endpoint) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      String code = service.awsErrorDetails().errorCode();
      // only the first sentence: AWS quotes the canonical request (session token included)
      // after it in signature errors
      // (the clients' CredentialMasking has already masked every known credential value)
      String detail =
          CredentialMasking.mask(
              firstSentence(
                  Optional.ofNullable(service.awsErrorDetails().errorMessage()).orElse("")),
              List.of());
      return new MgnServiceException(operation, code, explain(operation, code, detail, region), e);
    }
    if (e instanceof SdkClientException
        && String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
      return new InvalidRequestException(
          "credentials",
          "no AWS credentials found for "
              + operation
              + ": give a profile or keys, or configure the AWS default credentials"
              + " chain");
    }
    if (e instanceof SdkClientException) {
      String where = endpoint.map(URI::toString).orElse("the MGN endpoint of " + region);
      return new MgnServiceException(
          operation,
          null,
          "cannot reach "
              + where
              + " for "
              + operation
              + ": "
              + firstLine(e.getMessage())
              + "; check the network, the proxy and the endpoint",
          e);
    }
    return new MgnServiceException(
        operation, null, operation + " failed: " + firstLine(e.getMessage()), e);
  }

  private static String explain(String operation, String code, String detail, String region) {
    String said = detail.isBlank() ? code : code + ": " + detail;
    return switch (code == null ? "" : code) {
      case "UninitializedAccountException" ->
          "MGN is not initialized in "
              + region
              + " ("
              + said
              + "); initialize MGN in "
              + region
              + " first (ServiceRoleInitializer, or 'mgn-agent init-service')";
      case "UnrecognizedClientException" ->
          "MGN does not recognize the access key ("
              + said
              + "); check the key, and that it belongs to this account and partition";
      case "InvalidSignatureException", "SignatureDoesNotMatch" ->
          "MGN rejected the request"
              + " signature ("
              + said
              + "); the secret key does not match the access key, or this"
              + " machine's clock is off by more than 15 minutes";
      case "ExpiredTokenException", "ExpiredToken" ->
          "temporary credentials expired ("
              + said
              + "): get new ones (a new session token with its key pair) and run again";
      case "AccessDeniedException" -> accessDenied(operation, said);
      case "ValidationException" -> validation(operation, said, detail);
      case "ConflictException" ->
          "MGN refused "
              + operation
              + " in the server's current state ("
              + said
              + "); check its lifecycle with 'mgn-agent status'";
      case "ResourceNotFoundException" ->
          "MGN found no such resource for "
              + operation
              + " ("
              + said
              + "); check the ID and the region ("
              + region
              + ")";
      case "ThrottlingException" ->
          "MGN throttled " + operation + " (" + said + "); try again" + " later";
      default -> operation + " failed: " + said;
    };
  }

  private static String accessDenied(String operation, String said) {
    if (operation.equals("InitializeService")) {
      return "MGN refused InitializeService ("
          + said
          + "). Initializing needs permission to"
          + " create IAM roles, instance profiles and the service-linked role (for example"
          + " iam:CreateRole, iam:CreateInstanceProfile, iam:AddRoleToInstanceProfile,"
          + " iam:AttachRolePolicy, iam:PassRole, iam:CreateServiceLinkedRole; the console asks"
          + " for AdministratorAccess); MGN then creates "
          + ROLES
          + ". Run it with an"
          + " administrator's credentials (a profile)";
    }
    return "MGN refused "
        + operation
        + " ("
        + said
        + "); the credentials need mgn:"
        + operation
        + " (keys limited to AWSApplicationMigrationAgentInstallationPolicy cannot call it):"
        + " use credentials with MGN read access (a profile)";
  }

  private static String validation(String operation, String said, String detail) {
    if (detail.contains("Failed to create SLR or instance profiles")) {
      return operation
          + " created the service-linked role or instance profiles but not the"
          + " service roles ("
          + said
          + "). Run 'Set up service' (Reinitialize service"
          + " permissions) in the MGN console as an administrator, or create the roles yourself ("
          + ROLES
          + "), then run init-service again";
    }
    if (detail.contains("Agent IAM role missing")) {
      return "the role AWSApplicationMigrationAgentRole is missing ("
          + said
          + "); reinitialize"
          + " the service permissions: run 'mgn-agent init-service' with an administrator's"
          + " credentials, or 'Reinitialize service permissions' in the MGN console";
    }
    return operation + " was refused as invalid (" + said + ")";
  }

  /** Up to the first line break, and up to the end of the first sentence on that line. */
  static String firstSentence(String message) {
    String line = firstLine(message);
    int end = line.indexOf(". ");
    return end < 0 ? line : line.substring(0, end + 1);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
