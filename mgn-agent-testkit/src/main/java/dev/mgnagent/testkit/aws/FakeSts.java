package dev.mgnagent.testkit.aws;

import dev.mgnagent.testkit.aws.internal.KeyRing;
import dev.mgnagent.testkit.aws.internal.QueryError;
import dev.mgnagent.testkit.aws.internal.QueryServer;
import dev.mgnagent.testkit.aws.internal.Xml;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A fake AWS STS on {@code 127.0.0.1} with {@code GetCallerIdentity} and {@code AssumeRole}, in
 * STS's Query protocol (model:
 * https://github.com/boto/botocore/blob/develop/botocore/data/sts/2011-06-15/service-2.json):
 * {@code <GetCallerIdentityResponse><GetCallerIdentityResult><UserId/><Account/><Arn/>...}. As the
 * real call, {@code GetCallerIdentity} needs no permission: every key it knows may ask who it is.
 * An unknown key gets 403 {@code InvalidClientTokenId}, a bad signature 403 {@code
 * SignatureDoesNotMatch}. Requests are signed for the fake's region.
 *
 * <p>{@code AssumeRole} ({@link #addRole(String)}): any key of the account may assume a role added
 * here; another role is 403 {@code AccessDenied} "User: ... is not authorized to perform:
 * sts:AssumeRole on resource: ...". Parameters are checked against the model's constraints ({@code
 * RoleArn} 20 to 2048 characters, {@code RoleSessionName} 2 to 64 of {@code [\w+=,.@-]}, {@code
 * DurationSeconds} at least 900, each {@code PolicyArns.member.N.arn} 20 to 2048 characters, at
 * most 10 of them) and a {@code DurationSeconds} above the role's maximum session duration (3600 s
 * unless given) is refused as STS documents: 400 {@code ValidationError}. A success issues {@code
 * ASIA...} keys with a session token, valid from then on for this fake and for the listeners of
 * {@link #onCredentialsIssued(Consumer)}, expiring {@code DurationSeconds} (default 3600) after the
 * fake's clock. Every call is recorded ({@link #assumeRoleCalls()}).
 */
public final class FakeSts implements AutoCloseable {
  private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

  private final Region region;
  private final Clock clock;
  private final int port;
  private final KeyRing keys;
  private final AwsBasicCredentials admin;
  private final AtomicInteger users = new AtomicInteger();
  private final Map<String, Integer> roles = new ConcurrentHashMap<>();
  private final List<AssumeRoleCall> calls = new CopyOnWriteArrayList<>();
  private final List<Consumer<AwsSessionCredentials>> issuedListeners =
      new CopyOnWriteArrayList<>();
  private QueryServer server;

  private FakeSts(Builder b) {
    this.region = b.region;
    this.clock = b.clock;
    this.port = b.port;
    this.keys = new KeyRing(b.accountId);
    this.admin = FakeKeys.basic();
    keys.add(admin, Set.of("*"), "sts-admin");
  }

  /** A builder: region {@code us-east-1}, account {@code 111122223333}, an ephemeral port. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening on 127.0.0.1; returns this. */
  public synchronized FakeSts start() {
    if (server != null) {
      throw new IllegalStateException("this FakeSts is already started");
    }
    server =
        QueryServer.start(
            new QueryServer.Dialect("sts", "2011-06-15", NAMESPACE, false),
            region.id(),
            clock,
            keys,
            Map.of("GetCallerIdentity", this::getCallerIdentity, "AssumeRole", this::assumeRole),
            port);
    return this;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public synchronized URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("start() this FakeSts first");
    }
    return server.endpoint();
  }

  /** The region requests are signed for. */
  public Region region() {
    return region;
  }

  /** The account every key belongs to. */
  public String accountId() {
    return keys.accountId();
  }

  /** Long-term keys of this account. */
  public AwsBasicCredentials adminCredentials() {
    return admin;
  }

  /** Accepts another key pair of this account (its allowed actions do not matter here). */
  public FakeSts addCredentials(AwsCredentials credentials) {
    keys.add(
        Objects.requireNonNull(credentials, "credentials"),
        Set.of(),
        "fake-user-" + users.incrementAndGet());
    return this;
  }

  /**
   * Lets every key of this account assume {@code roleArn}, for sessions of up to 3600 seconds (the
   * default maximum session duration of an IAM role).
   */
  public FakeSts addRole(String roleArn) {
    return addRole(roleArn, 3600);
  }

  /**
   * Lets every key of this account assume {@code roleArn}, for sessions of up to {@code
   * maxSessionDurationSeconds} (3600 to 43200, as IAM allows for a role).
   */
  public FakeSts addRole(String roleArn, int maxSessionDurationSeconds) {
    Objects.requireNonNull(roleArn, "roleArn");
    if (maxSessionDurationSeconds < 3600 || maxSessionDurationSeconds > 43200) {
      throw new IllegalArgumentException(
          "a role's maximum session duration is 3600 to 43200 seconds: "
              + maxSessionDurationSeconds);
    }
    roles.put(roleArn, maxSessionDurationSeconds);
    return this;
  }

  /**
   * Calls {@code listener} with every set {@code AssumeRole} issues, before the answer is sent: for
   * example to let a fake MGN accept those keys too.
   */
  public FakeSts onCredentialsIssued(Consumer<AwsSessionCredentials> listener) {
    issuedListeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Every {@code AssumeRole} request answered so far, in order. */
  public List<AssumeRoleCall> assumeRoleCalls() {
    return List.copyOf(calls);
  }

  /** A new {@link StsClient} for this fake with the admin keys; close it when done. */
  public StsClient newClient() {
    return StsClient.builder()
        .region(region)
        .endpointOverride(endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(StaticCredentialsProvider.create(admin))
        .build();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
    }
  }

  private String getCallerIdentity(Map<String, String> p, KeyRing.Principal caller) {
    String arn = caller.arn();
    String userId =
        caller.sessionToken() != null
            ? "AROA" + caller.accessKeyId().substring(4) + ":fake-session"
            : "AIDA" + caller.accessKeyId().substring(4);
    return Xml.element("UserId", userId)
        + Xml.element("Account", keys.accountId())
        + Xml.element("Arn", arn);
  }

  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]+");
  private static final Pattern POLICY_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::(aws|[0-9]{12}):policy/[\\w+=,.@/-]+");
  private static final int MAX_POLICY_ARNS = 10;

  private String assumeRole(Map<String, String> p, KeyRing.Principal caller) {
    String roleArn = p.get("RoleArn");
    String sessionName = p.get("RoleSessionName");
    String durationText = p.get("DurationSeconds");
    List<String> policyArns = new ArrayList<>();
    for (int i = 1; p.containsKey("PolicyArns.member." + i + ".arn"); i++) {
      policyArns.add(p.get("PolicyArns.member." + i + ".arn"));
    }
    OptionalInt duration = OptionalInt.empty();
    try {
      if (durationText != null) {
        try {
          duration = OptionalInt.of(Integer.parseInt(durationText));
        } catch (NumberFormatException e) {
          throw validation(
              "Value '"
                  + durationText
                  + "' at 'durationSeconds' failed to satisfy constraint:"
                  + " Member must be an integer");
        }
      }
      validate(roleArn, sessionName, duration, policyArns);
      Integer maxSession = roles.get(roleArn);
      if (maxSession == null) {
        throw new QueryError(
            403,
            "AccessDenied",
            "User: "
                + caller.arn()
                + " is not authorized to perform: sts:AssumeRole on resource: "
                + roleArn);
      }
      int seconds = duration.orElse(3600);
      if (seconds > maxSession) {
        throw new QueryError(
            400,
            "ValidationError",
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
      }
      Instant expiration = clock.instant().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
      AwsSessionCredentials issued =
          AwsSessionCredentials.create(
              "ASIA" + FakeKeys.upperAlnum(16),
              FakeKeys.basic().secretAccessKey(),
              "FQoGZXIvYXdzE" + FakeKeys.base64ish(340));
      String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
      String roleId = "AROA" + FakeKeys.upperAlnum(17);
      String assumedArn =
          "arn:aws:sts::" + keys.accountId() + ":assumed-role/" + roleName + "/" + sessionName;
      keys.add(issued, Set.of(), roleName, assumedArn);
      for (Consumer<AwsSessionCredentials> listener : issuedListeners) {
        listener.accept(issued);
      }
      calls.add(
          new AssumeRoleCall(
              caller.accessKeyId(),
              roleArn,
              sessionName,
              duration,
              policyArns,
              Optional.empty(),
              Optional.of(issued.accessKeyId()),
              Optional.of(expiration)));
      return "<Credentials>"
          + Xml.element("AccessKeyId", issued.accessKeyId())
          + Xml.element("SecretAccessKey", issued.secretAccessKey())
          + Xml.element("SessionToken", issued.sessionToken())
          + Xml.element("Expiration", expiration.toString())
          + "</Credentials><AssumedRoleUser>"
          + Xml.element("AssumedRoleId", roleId + ":" + sessionName)
          + Xml.element("Arn", assumedArn)
          + "</AssumedRoleUser>"
          + (policyArns.isEmpty() ? "" : Xml.element("PackedPolicySize", 6));
    } catch (QueryError e) {
      calls.add(
          new AssumeRoleCall(
              caller.accessKeyId(),
              roleArn == null ? "" : roleArn,
              sessionName == null ? "" : sessionName,
              duration,
              policyArns,
              Optional.of(e.code()),
              Optional.empty(),
              Optional.empty()));
      throw e;
    }
  }

  private static void validate(
      String roleArn, String sessionName, OptionalInt duration, List<String> policyArns) {
    if (roleArn == null) {
      throw validation(
          "Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
    }
    if (sessionName == null) {
      throw validation(
          "Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
    }
    if (roleArn.length() < 20 || roleArn.length() > 2048) {
      throw validation(
          "Value '"
              + roleArn
              + "' at 'roleArn' failed to satisfy constraint: Member must have length between 20"
              + " and 2048");
    }
    if (sessionName.length() < 2 || sessionName.length() > 64) {
      throw validation(
          "Value '"
              + sessionName
              + "' at 'roleSessionName' failed to satisfy constraint: Member must have length"
              + " between 2 and 64");
    }
    if (!SESSION_NAME.matcher(sessionName).matches()) {
      throw validation(
          "Value '"
              + sessionName
              + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: [\\w+=,.@-]*");
    }
    if (duration.isPresent() && duration.getAsInt() < 900) {
      throw validation(
          "Value '"
              + duration.getAsInt()
              + "' at 'durationSeconds' failed to satisfy constraint: Member must have value"
              + " greater than or equal to 900");
    }
    if (duration.isPresent() && duration.getAsInt() > 43200) {
      throw validation(
          "Value '"
              + duration.getAsInt()
              + "' at 'durationSeconds' failed to satisfy constraint: Member must have value less"
              + " than or equal to 43200");
    }
    if (policyArns.size() > MAX_POLICY_ARNS) {
      throw new QueryError(
          400,
          "ValidationError",
          "Up to " + MAX_POLICY_ARNS + " managed policy ARNs may be passed as session policies");
    }
    for (String arn : policyArns) {
      if (arn.length() < 20 || arn.length() > 2048 || !POLICY_ARN.matcher(arn).matches()) {
        // the model gives only the length; AWS's wording for a malformed policy ARN is not known
        throw new QueryError(400, "ValidationError", "Invalid policy ARN: " + arn);
      }
    }
    if (!ROLE_ARN.matcher(roleArn).matches()) {
      // the model gives only the length; AWS's wording for a malformed role ARN is not known
      throw new QueryError(400, "ValidationError", roleArn + " is invalid");
    }
  }

  private static QueryError validation(String detail) {
    return new QueryError(400, "ValidationError", "1 validation error detected: " + detail);
  }

  /** Configures a {@link FakeSts}. */
  public static final class Builder {
    private Region region = Region.US_EAST_1;
    private String accountId = "111122223333";
    private Clock clock = Clock.systemUTC();
    private int port;

    private Builder() {}

    /** The region requests must be signed for. */
    public Builder region(String region) {
      this.region = Region.of(Objects.requireNonNull(region, "region"));
      return this;
    }

    /** The 12-digit account ID, {@code 111122223333} by default. */
    public Builder accountId(String accountId) {
      this.accountId = FakeKeys.requireAccountId(accountId);
      return this;
    }

    /** The wall clock for the SigV4 age check. */
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
    public FakeSts build() {
      return new FakeSts(this);
    }
  }
}
