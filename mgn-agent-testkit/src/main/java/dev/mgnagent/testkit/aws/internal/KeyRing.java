package dev.mgnagent.testkit.aws.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The key pairs a fake accepts, each with the principal it stands for and its allowed actions
 * ({@code service:Action}; a name without a service prefix means {@code mgn:}).
 */
public final class KeyRing {

  /** One key pair: credentials, the principal ARN that AccessDenied messages name, the grants. */
  public record Principal(AwsCredentials credentials, String arn, Set<String> allowedActions) {

    public String accessKeyId() {
      return credentials.accessKeyId();
    }

    /** The session token, or null for long-term keys. */
    public String sessionToken() {
      return credentials instanceof AwsSessionCredentials s ? s.sessionToken() : null;
    }

    /**
     * Whether this principal may perform {@code action} ({@code mgn:Name}). A grant is an action
     * name ({@code mgn:} optional), {@code mgn:*} or {@code *}, or an action with a {@code
     * mgn:CreateAction} condition written {@code mgn:TagResource(mgn:CreateAction=X)}, which allows
     * the action only as part of the operation {@code X} ({@code createAction}).
     */
    public boolean isAllowed(String action, String createAction) {
      String prefix = action.substring(0, action.indexOf(':') + 1);
      if (allowedActions.contains("*")
          || allowedActions.contains(prefix + "*")
          || allowedActions.contains(action)) {
        return true;
      }
      return createAction != null
          && allowedActions.contains(action + "(mgn:CreateAction=" + createAction + ")");
    }
  }

  private final Map<String, Principal> byAccessKey = new ConcurrentHashMap<>();
  private final String accountId;
  private final Set<String> expired = ConcurrentHashMap.newKeySet();

  public KeyRing(String accountId) {
    this.accountId = accountId;
  }

  /** Adds (or replaces) a key pair; returns its principal. */
  public Principal add(AwsCredentials credentials, Set<String> allowedActions, String name) {
    Set<String> normalized =
        allowedActions.stream().map(KeyRing::normalize).collect(Collectors.toUnmodifiableSet());
    String arn =
        credentials instanceof AwsSessionCredentials
            ? "arn:aws:sts::" + accountId + ":assumed-role/" + name + "/fake-session"
            : "arn:aws:iam::" + accountId + ":user/" + name;
    Principal principal = new Principal(credentials, arn, normalized);
    byAccessKey.put(credentials.accessKeyId(), principal);
    return principal;
  }

  /** Adds (or replaces) a key pair whose principal ARN is given. */
  public Principal add(
      AwsCredentials credentials, Set<String> allowedActions, String name, String arn) {
    Set<String> normalized =
        allowedActions.stream().map(KeyRing::normalize).collect(Collectors.toUnmodifiableSet());
    Principal principal = new Principal(credentials, arn, normalized);
    byAccessKey.put(credentials.accessKeyId(), principal);
    return principal;
  }

  /** The account these keys belong to. */
  public String accountId() {
    return accountId;
  }

  /** Makes the session of this access key ID expired: its requests are refused as expired. */
  public void expire(String accessKeyId) {
    expired.add(accessKeyId);
  }

  /** Whether {@link #expire(String)} was called for this access key ID. */
  public boolean isExpired(String accessKeyId) {
    return expired.contains(accessKeyId);
  }

  /** The principal holding this access key ID, or null. */
  public Principal find(String accessKeyId) {
    return byAccessKey.get(accessKeyId);
  }

  private static String normalize(String action) {
    String a = action.trim();
    if (a.equals("*")) {
      return a;
    }
    int colon = a.indexOf(':');
    if (colon > 0) {
      return a.substring(0, colon).toLowerCase(Locale.ROOT) + a.substring(colon);
    }
    return "mgn:" + a;
  }
}
