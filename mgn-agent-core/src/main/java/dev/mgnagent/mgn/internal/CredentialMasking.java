package dev.mgnagent.mgn.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Masks every credential value a client knows in the errors AWS sends back, before anything else
 * sees them: on a bad signature AWS quotes the canonical request, whose signed {@code
 * x-amz-security-token} header carries the session token. The secret key, the session token (from
 * the signed request and from the credentials) and the access key ID where it stands next to them
 * ({@code Credential=...}) become {@code ****} in the exception's message, its error details and
 * its raw body, so no message, event or JSON line built from the error can carry them.
 */
public final class CredentialMasking implements ExecutionInterceptor {

  /** What a masked value becomes. */
  public static final String MASK = "****";

  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]{16,128})");

  private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;

  /** Masks the values {@code credentials} resolves to, and those of each failed request. */
  public CredentialMasking(IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
    this.credentials = credentials;
  }

  @Override
  public Throwable modifyException(
      Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable failure = context.exception();
    if (!(failure instanceof AwsServiceException service)) {
      return failure;
    }
    List<String> secrets = secrets(context.httpRequest());
    AwsErrorDetails details = service.awsErrorDetails();
    AwsServiceException.Builder masked = service.toBuilder();
    if (details != null) {
      AwsErrorDetails.Builder d = details.toBuilder();
      if (details.errorMessage() != null) {
        d.errorMessage(mask(details.errorMessage(), secrets));
      }
      if (details.rawResponse() != null) {
        d.rawResponse(
            SdkBytes.fromString(
                mask(details.rawResponse().asUtf8String(), secrets), StandardCharsets.UTF_8));
      }
      masked.awsErrorDetails(d.build());
      masked.message(details.errorMessage() == null ? null : mask(details.errorMessage(), secrets));
    } else if (service.getMessage() != null) {
      masked.message(mask(service.getMessage(), secrets));
    }
    AwsServiceException rebuilt = masked.build();
    rebuilt.setStackTrace(service.getStackTrace());
    return rebuilt;
  }

  private List<String> secrets(Optional<SdkHttpRequest> request) {
    List<String> secrets = new ArrayList<>();
    request.flatMap(r -> r.firstMatchingHeader("x-amz-security-token")).ifPresent(secrets::add);
    try {
      AwsCredentialsIdentity identity =
          credentials == null ? null : credentials.resolveIdentity().get(5, TimeUnit.SECONDS);
      if (identity != null) {
        secrets.add(identity.secretAccessKey());
        if (identity instanceof AwsSessionCredentialsIdentity session) {
          secrets.add(session.sessionToken());
        }
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // the request's own token is still masked; the answer came from these credentials
    }
    return secrets;
  }

  /** {@code text} with each of {@code secrets} and any {@code Credential=} key ID masked. */
  public static String mask(String text, List<String> secrets) {
    String masked = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        masked = masked.replace(secret, MASK);
      }
    }
    Matcher m = CREDENTIAL.matcher(masked);
    return m.replaceAll("Credential=" + MASK);
  }
}
