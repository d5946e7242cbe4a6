package dev.mgnagent.testkit.aws;

import dev.mgnagent.testkit.aws.internal.KeyRing;
import dev.mgnagent.testkit.aws.internal.QueryServer;
import dev.mgnagent.testkit.aws.internal.Xml;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A fake AWS STS on {@code 127.0.0.1} with {@code GetCallerIdentity}, in STS's Query protocol
 * (model:
 * https://github.com/boto/botocore/blob/develop/botocore/data/sts/2011-06-15/service-2.json):
 * {@code <GetCallerIdentityResponse><GetCallerIdentityResult><UserId/><Account/><Arn/>...}. As the
 * real call, it needs no permission: every key it knows may ask who it is. An unknown key gets 403
 * {@code InvalidClientTokenId}, a bad signature 403 {@code SignatureDoesNotMatch}. Requests are
 * signed for the fake's region.
 */
public final class FakeSts implements AutoCloseable {
  private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

  private final Region region;
  private final Clock clock;
  private final int port;
  private final KeyRing keys;
  private final AwsBasicCredentials admin;
  private final AtomicInteger users = new AtomicInteger();
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
            Map.of("GetCallerIdentity", this::getCallerIdentity),
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
