package dev.mgnagent.testkit.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.testkit.aws.internal.KeyRing;
import dev.mgnagent.testkit.aws.internal.QueryError;
import dev.mgnagent.testkit.aws.internal.QueryServer;
import dev.mgnagent.testkit.aws.internal.Xml;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A fake AWS IAM on {@code 127.0.0.1} for the roles MGN needs, spoken in IAM's Query protocol
 * (model:
 * https://github.com/boto/botocore/blob/develop/botocore/data/iam/2010-05-08/service-2.json):
 * {@code POST /} with a form body {@code Action=...&Version=2010-05-08&...}, answers {@code
 * <XResponse><XResult>...</XResult><ResponseMetadata/></XResponse>}, errors {@code
 * <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 *
 * <p>Operations: {@code CreateRole} (409 {@code EntityAlreadyExists}; 400 {@code
 * MalformedPolicyDocument} for a trust policy that is not JSON; 400 {@code InvalidInput} for a bad
 * name or path), {@code GetRole} (404 {@code NoSuchEntity}), {@code AttachRolePolicy} (404 {@code
 * NoSuchEntity} for an unknown role or a policy made unknown with {@link #removePolicy(String)};
 * attaching twice keeps one attachment) and {@code ListAttachedRolePolicies}. A key without the
 * {@code iam:<Action>} grant gets 403 {@code AccessDenied}; an unknown key 403 {@code
 * InvalidClientTokenId}; a bad signature 403 {@code SignatureDoesNotMatch}. IAM is global: requests
 * are signed for {@code us-east-1} (an {@link IamClient} built for {@code aws-global} with an
 * endpoint override signs for {@code aws-global} and is refused; build it for {@code us-east-1}).
 *
 * <pre>{@code
 * try (FakeIam iam = FakeIam.builder().build().start(); IamClient client = iam.newClient()) {
 *   client.getRole(r -> r.roleName("x"));   // NoSuchEntityException
 * }
 * }</pre>
 */
public final class FakeIam implements AutoCloseable {

  /** A role as the fake holds it. */
  public record Role(
      String path,
      String name,
      String id,
      String arn,
      String trustPolicy,
      Instant created,
      List<String> attachedPolicyArns) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

  private final String accountId;
  private final Clock clock;
  private final int port;
  private final KeyRing keys;
  private final AwsBasicCredentials admin;
  private final Map<String, Role> roles = new LinkedHashMap<>();
  private final Set<String> removedPolicies = new java.util.HashSet<>();
  private final AtomicInteger users = new AtomicInteger();
  private QueryServer server;

  private FakeIam(Builder b) {
    this.accountId = b.accountId;
    this.clock = b.clock;
    this.port = b.port;
    this.keys = new KeyRing(accountId);
    this.admin = FakeKeys.basic();
    keys.add(admin, Set.of("iam:*"), "iam-admin");
  }

  /** A builder: account {@code 111122223333}, an ephemeral port, the system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening on 127.0.0.1; returns this. */
  public synchronized FakeIam start() {
    if (server != null) {
      throw new IllegalStateException("this FakeIam is already started");
    }
    server =
        QueryServer.start(
            new QueryServer.Dialect("iam", "2010-05-08", NAMESPACE, false),
            "us-east-1",
            clock,
            keys,
            Map.of(
                "CreateRole",
                this::createRole,
                "GetRole",
                this::getRole,
                "AttachRolePolicy",
                this::attachRolePolicy,
                "ListAttachedRolePolicies",
                this::listAttachedRolePolicies),
            port);
    return this;
  }

  /** {@code http://127.0.0.1:<port>}, the endpoint override for an {@link IamClient}. */
  public synchronized URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("start() this FakeIam first");
    }
    return server.endpoint();
  }

  /** The 12-digit account in the role ARNs. */
  public String accountId() {
    return accountId;
  }

  /** Long-term keys allowed every IAM action. */
  public AwsBasicCredentials adminCredentials() {
    return admin;
  }

  /**
   * Accepts another key pair, allowed {@code allowedActions} ({@code iam:GetRole}, {@code iam:*},
   * {@code *}); an empty set means a key this account knows that may do nothing in IAM. Replaces a
   * key pair with the same access key ID.
   */
  public FakeIam addCredentials(AwsCredentials credentials, Set<String> allowedActions) {
    keys.add(
        Objects.requireNonNull(credentials, "credentials"),
        Objects.requireNonNull(allowedActions, "allowedActions"),
        "fake-user-" + users.incrementAndGet());
    return this;
  }

  /** A new {@link IamClient} for this fake with the admin keys; close it when done. */
  public IamClient newClient() {
    return IamClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(StaticCredentialsProvider.create(admin))
        .build();
  }

  /** The roles, in the order they were created. */
  public synchronized List<Role> roles() {
    return List.copyOf(roles.values());
  }

  /** The role with this name. */
  public synchronized Optional<Role> role(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  /**
   * Creates a role directly (no HTTP, no permission check), as another actor would: the console, or
   * MGN itself for its service-linked role. Replaces a role of the same name.
   */
  public synchronized Role putRole(
      String path, String name, String trustPolicy, List<String> attachedPolicyArns) {
    Role role =
        new Role(
            path,
            name,
            "AROA" + FakeKeys.upperAlnum(17),
            "arn:aws:iam::" + accountId + ":role" + path + name,
            trustPolicy,
            clock.instant().truncatedTo(ChronoUnit.SECONDS),
            List.copyOf(attachedPolicyArns));
    roles.put(name, role);
    return role;
  }

  /** Deletes a role directly; true when it existed. */
  public synchronized boolean deleteRole(String name) {
    return roles.remove(name) != null;
  }

  /** Makes {@code AttachRolePolicy} answer {@code NoSuchEntity} for this policy ARN. */
  public synchronized FakeIam removePolicy(String policyArn) {
    removedPolicies.add(policyArn);
    return this;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
    }
  }

  private void authorize(KeyRing.Principal caller, String action, String resource) {
    if (!caller.isAllowed("iam:" + action, null)) {
      throw new QueryError(
          403,
          "AccessDenied",
          "User: "
              + caller.arn()
              + " is not authorized to perform: iam:"
              + action
              + " on resource: "
              + resource
              + " because no identity-based policy allows the iam:"
              + action
              + " action");
    }
  }

  private String roleResource(String path, String name) {
    return "arn:aws:iam::" + accountId + ":role" + (path == null ? "/" : path) + name;
  }

  private static String required(Map<String, String> p, String name) {
    String value = p.get(name);
    if (value == null) {
      throw new QueryError(
          400,
          "ValidationError",
          "1 validation error detected: Value null at '"
              + Character.toLowerCase(name.charAt(0))
              + name.substring(1)
              + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  private static String roleName(Map<String, String> p) {
    String name = required(p, "RoleName");
    if (!name.matches("[\\w+=,.@-]{1,64}")) {
      throw new QueryError(
          400,
          "ValidationError",
          "1 validation error detected: Value '"
              + name
              + "' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression"
              + " pattern: [\\w+=,.@-]+");
    }
    return name;
  }

  private String createRole(Map<String, String> p, KeyRing.Principal caller) {
    String name = roleName(p);
    String path = p.getOrDefault("Path", "/");
    if (path.length() > 512 || !path.matches("(/)|(/[\\u0021-\\u007E]+/)")) {
      throw new QueryError(
          400,
          "ValidationError",
          "1 validation error detected: Value '"
              + path
              + "' at 'path' failed to satisfy constraint: Member must satisfy regular expression"
              + " pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    }
    authorize(caller, "CreateRole", roleResource(path, name));
    String trust = required(p, "AssumeRolePolicyDocument");
    try {
      if (!JSON.readTree(trust).isObject()) {
        throw new IOException("not an object");
      }
    } catch (IOException e) {
      throw new QueryError(400, "MalformedPolicyDocument", "This policy contains invalid Json");
    }
    Role role;
    synchronized (this) {
      if (roles.containsKey(name)) {
        throw new QueryError(
            409, "EntityAlreadyExists", "Role with name " + name + " already exists.");
      }
      role = putRole(path, name, trust, List.of());
    }
    return roleXml(role, p.get("Description"));
  }

  private String getRole(Map<String, String> p, KeyRing.Principal caller) {
    String name = roleName(p);
    Role role = role(name).orElse(null);
    authorize(caller, "GetRole", role == null ? roleResource("/", name) : role.arn());
    if (role == null) {
      throw noSuchRole(name);
    }
    return roleXml(role, null);
  }

  private String attachRolePolicy(Map<String, String> p, KeyRing.Principal caller) {
    String name = roleName(p);
    String policy = required(p, "PolicyArn");
    Role role = role(name).orElse(null);
    authorize(caller, "AttachRolePolicy", role == null ? roleResource("/", name) : role.arn());
    if (!policy.matches("arn:aws[a-z-]*:iam::(aws|[0-9]{12}):policy/[\\u0021-\\u007F]+")) {
      throw new QueryError(400, "InvalidInput", "ARN " + policy + " is not valid.");
    }
    synchronized (this) {
      if (removedPolicies.contains(policy)) {
        throw new QueryError(
            404, "NoSuchEntity", "Policy " + policy + " does not exist or is not attachable.");
      }
      Role current = roles.get(name);
      if (current == null) {
        throw noSuchRole(name);
      }
      if (!current.attachedPolicyArns().contains(policy)) {
        List<String> attached = new ArrayList<>(current.attachedPolicyArns());
        attached.add(policy);
        roles.put(
            name,
            new Role(
                current.path(),
                current.name(),
                current.id(),
                current.arn(),
                current.trustPolicy(),
                current.created(),
                List.copyOf(attached)));
      }
    }
    return null;
  }

  private String listAttachedRolePolicies(Map<String, String> p, KeyRing.Principal caller) {
    String name = roleName(p);
    Role role = role(name).orElse(null);
    authorize(
        caller, "ListAttachedRolePolicies", role == null ? roleResource("/", name) : role.arn());
    if (role == null) {
      throw noSuchRole(name);
    }
    StringBuilder b = new StringBuilder("<AttachedPolicies>");
    for (String arn : role.attachedPolicyArns()) {
      b.append("<member>")
          .append(Xml.element("PolicyName", arn.substring(arn.lastIndexOf('/') + 1)))
          .append(Xml.element("PolicyArn", arn))
          .append("</member>");
    }
    return b.append("</AttachedPolicies><IsTruncated>false</IsTruncated>").toString();
  }

  private static QueryError noSuchRole(String name) {
    return new QueryError(404, "NoSuchEntity", "The role with name " + name + " cannot be found.");
  }

  private static String roleXml(Role role, String description) {
    // IAM returns policy documents URL-encoded (RFC 3986)
    String trust =
        URLEncoder.encode(role.trustPolicy(), StandardCharsets.UTF_8).replace("+", "%20");
    return "<Role>"
        + Xml.element("Path", role.path())
        + Xml.element("RoleName", role.name())
        + Xml.element("RoleId", role.id())
        + Xml.element("Arn", role.arn())
        + Xml.element("CreateDate", role.created().toString())
        + Xml.element("AssumeRolePolicyDocument", trust)
        + Xml.element("Description", description)
        + "<MaxSessionDuration>3600</MaxSessionDuration></Role>";
  }

  /** Configures a {@link FakeIam}. */
  public static final class Builder {
    private String accountId = "111122223333";
    private Clock clock = Clock.systemUTC();
    private int port;

    private Builder() {}

    /** The 12-digit account ID, {@code 111122223333} by default. */
    public Builder accountId(String accountId) {
      this.accountId = FakeKeys.requireAccountId(accountId);
      return this;
    }

    /** The wall clock for the SigV4 age check and creation dates. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = FakeKeys.requirePort(port);
      return this;
    }

    /** The fake, not started yet. */
    public FakeIam build() {
      return new FakeIam(this);
    }
  }
}
