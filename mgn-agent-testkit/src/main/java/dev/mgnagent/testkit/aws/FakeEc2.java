package dev.mgnagent.testkit.aws;

import dev.mgnagent.testkit.aws.internal.KeyRing;
import dev.mgnagent.testkit.aws.internal.QueryError;
import dev.mgnagent.testkit.aws.internal.QueryServer;
import dev.mgnagent.testkit.aws.internal.Xml;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A minimal fake Amazon EC2 on {@code 127.0.0.1}: {@code DescribeVpcs} and {@code DescribeSubnets},
 * in the {@code ec2} protocol of
 * https://github.com/boto/botocore/blob/develop/botocore/data/ec2/2016-11-15/service-2.json (form
 * body {@code Action=...&Version=2016-11-15&Filter.1.Name=...&Filter.1.Value.1=...}; answers with
 * no {@code Result} wrapper, lists as {@code <vpcSet><item>}; errors as {@code
 * <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}).
 *
 * <p>The account starts with a default VPC ({@code 172.31.0.0/16}) that has one default-for-AZ
 * subnet in each of the zones {@code <region>a}, {@code b} and {@code c}; {@link
 * Builder#noDefaultVpc()} leaves it out. Filters: {@code vpc-id}, {@code is-default}, {@code cidr},
 * {@code state}, {@code owner-id} (VPCs); {@code vpc-id}, {@code subnet-id}, {@code
 * availability-zone}, {@code cidr-block}, {@code default-for-az}, {@code state} (subnets); another
 * filter name answers 400 {@code InvalidParameterValue}. A key without {@code ec2:<Action>} gets
 * 403 {@code UnauthorizedOperation}; an unknown key or bad signature 401 {@code AuthFailure}.
 */
public final class FakeEc2 implements AutoCloseable {

  /** A VPC as the fake holds it. */
  public record Vpc(String id, String cidrBlock, boolean isDefault) {}

  /** A subnet as the fake holds it. */
  public record Subnet(
      String id, String vpcId, String availabilityZone, String cidrBlock, boolean defaultForAz) {}

  private static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15";

  private final Region region;
  private final Clock clock;
  private final int port;
  private final KeyRing keys;
  private final AwsBasicCredentials admin;
  private final List<Vpc> vpcs = new CopyOnWriteArrayList<>();
  private final List<Subnet> subnets = new CopyOnWriteArrayList<>();
  private final AtomicInteger users = new AtomicInteger();
  private QueryServer server;

  private FakeEc2(Builder b) {
    this.region = b.region;
    this.clock = b.clock;
    this.port = b.port;
    this.keys = new KeyRing(b.accountId);
    this.admin = FakeKeys.basic();
    keys.add(admin, Set.of("ec2:*"), "ec2-admin");
    if (b.defaultVpc) {
      Vpc vpc = new Vpc("vpc-" + FakeKeys.hex(17), "172.31.0.0/16", true);
      vpcs.add(vpc);
      // added out of name order, so that "the first zone by name" is a real sort
      String[] zones = {"b", "a", "c"};
      String[] cidrs = {"172.31.16.0/20", "172.31.32.0/20", "172.31.0.0/20"};
      for (int i = 0; i < zones.length; i++) {
        subnets.add(
            new Subnet(
                "subnet-" + FakeKeys.hex(17), vpc.id(), region.id() + zones[i], cidrs[i], true));
      }
    }
  }

  /** A builder: region {@code us-east-1}, account {@code 111122223333}, with a default VPC. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening on 127.0.0.1; returns this. */
  public synchronized FakeEc2 start() {
    if (server != null) {
      throw new IllegalStateException("this FakeEc2 is already started");
    }
    server =
        QueryServer.start(
            new QueryServer.Dialect("ec2", "2016-11-15", NAMESPACE, true),
            region.id(),
            clock,
            keys,
            Map.of("DescribeVpcs", this::describeVpcs, "DescribeSubnets", this::describeSubnets),
            port);
    return this;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public synchronized URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("start() this FakeEc2 first");
    }
    return server.endpoint();
  }

  /** The region served; requests must be signed for it. */
  public Region region() {
    return region;
  }

  /** Long-term keys allowed every EC2 action. */
  public AwsBasicCredentials adminCredentials() {
    return admin;
  }

  /** Accepts another key pair allowed {@code allowedActions} ({@code ec2:DescribeVpcs}, ...). */
  public FakeEc2 addCredentials(AwsCredentials credentials, Set<String> allowedActions) {
    keys.add(
        Objects.requireNonNull(credentials, "credentials"),
        Objects.requireNonNull(allowedActions, "allowedActions"),
        "fake-user-" + users.incrementAndGet());
    return this;
  }

  /** The VPCs of the account. */
  public List<Vpc> vpcs() {
    return List.copyOf(vpcs);
  }

  /** The subnets of the account. */
  public List<Subnet> subnets() {
    return List.copyOf(subnets);
  }

  /** The default VPC's default subnet in {@code zone}, such as {@code us-east-1a}. */
  public java.util.Optional<Subnet> defaultSubnet(String zone) {
    return subnets.stream()
        .filter(s -> s.defaultForAz() && s.availabilityZone().equals(zone))
        .findFirst();
  }

  /** A new {@link Ec2Client} for this fake with the admin keys; close it when done. */
  public Ec2Client newClient() {
    return Ec2Client.builder()
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

  private void authorize(KeyRing.Principal caller, String action) {
    if (!caller.isAllowed("ec2:" + action, null)) {
      throw new QueryError(
          403,
          "UnauthorizedOperation",
          "You are not authorized to perform this"
              + " operation. User: "
              + caller.arn()
              + " is not authorized to perform: ec2:"
              + action
              + " because no identity-based policy allows the ec2:"
              + action
              + " action");
    }
  }

  private String describeVpcs(Map<String, String> p, KeyRing.Principal caller) {
    authorize(caller, "DescribeVpcs");
    Map<String, Function<Vpc, String>> fields =
        Map.of(
            "vpc-id",
            Vpc::id,
            "is-default",
            v -> String.valueOf(v.isDefault()),
            "cidr",
            Vpc::cidrBlock,
            "state",
            v -> "available",
            "owner-id",
            v -> keys.accountId());
    List<String> ids = listed(p, "VpcId");
    Map<String, List<String>> filters = filters(p, fields.keySet());
    StringBuilder b = new StringBuilder("<vpcSet>");
    for (Vpc v : vpcs) {
      if ((ids.isEmpty() || ids.contains(v.id())) && matches(v, filters, fields)) {
        b.append("<item>")
            .append(Xml.element("vpcId", v.id()))
            .append(Xml.element("ownerId", keys.accountId()))
            .append(Xml.element("state", "available"))
            .append(Xml.element("cidrBlock", v.cidrBlock()))
            .append(Xml.element("dhcpOptionsId", "dopt-" + v.id().substring(4, 12)))
            .append(Xml.element("instanceTenancy", "default"))
            .append(Xml.element("isDefault", v.isDefault()))
            .append("</item>");
      }
    }
    for (String id : ids) {
      if (vpcs.stream().noneMatch(v -> v.id().equals(id))) {
        throw new QueryError(
            400, "InvalidVpcID.NotFound", "The vpc ID '" + id + "' does not exist");
      }
    }
    return b.append("</vpcSet>").toString();
  }

  private String describeSubnets(Map<String, String> p, KeyRing.Principal caller) {
    authorize(caller, "DescribeSubnets");
    Map<String, Function<Subnet, String>> fields =
        Map.of(
            "vpc-id",
            Subnet::vpcId,
            "subnet-id",
            Subnet::id,
            "availability-zone",
            Subnet::availabilityZone,
            "cidr-block",
            Subnet::cidrBlock,
            "default-for-az",
            s -> String.valueOf(s.defaultForAz()),
            "state",
            s -> "available");
    List<String> ids = listed(p, "SubnetId");
    Map<String, List<String>> filters = filters(p, fields.keySet());
    StringBuilder b = new StringBuilder("<subnetSet>");
    for (Subnet s : subnets) {
      if ((ids.isEmpty() || ids.contains(s.id())) && matches(s, filters, fields)) {
        b.append("<item>")
            .append(Xml.element("subnetId", s.id()))
            .append(
                Xml.element(
                    "subnetArn",
                    "arn:aws:ec2:" + region.id() + ":" + keys.accountId() + ":subnet/" + s.id()))
            .append(Xml.element("state", "available"))
            .append(Xml.element("ownerId", keys.accountId()))
            .append(Xml.element("vpcId", s.vpcId()))
            .append(Xml.element("cidrBlock", s.cidrBlock()))
            .append(Xml.element("availableIpAddressCount", 4091))
            .append(Xml.element("availabilityZone", s.availabilityZone()))
            .append(Xml.element("defaultForAz", s.defaultForAz()))
            .append(Xml.element("mapPublicIpOnLaunch", s.defaultForAz()))
            .append("</item>");
      }
    }
    for (String id : ids) {
      if (subnets.stream().noneMatch(s -> s.id().equals(id))) {
        throw new QueryError(
            400, "InvalidSubnetID.NotFound", "The subnet ID '" + id + "' does not exist");
      }
    }
    return b.append("</subnetSet>").toString();
  }

  /** {@code Name.1}, {@code Name.2}, ... in order. */
  private static List<String> listed(Map<String, String> p, String name) {
    List<String> out = new ArrayList<>();
    for (int i = 1; p.containsKey(name + "." + i); i++) {
      out.add(p.get(name + "." + i));
    }
    return out;
  }

  /** {@code Filter.N.Name} with its {@code Filter.N.Value.M}. */
  private static Map<String, List<String>> filters(Map<String, String> p, Set<String> known) {
    Map<String, List<String>> out = new HashMap<>();
    for (int i = 1; p.containsKey("Filter." + i + ".Name"); i++) {
      String name = p.get("Filter." + i + ".Name");
      if (!known.contains(name)) {
        // a real filter the fake does not implement is refused too, saying so
        throw new QueryError(
            400,
            "InvalidParameterValue",
            "The filter '"
                + name
                + "' is invalid (the fake EC2 supports only "
                + new java.util.TreeSet<>(known)
                + ")");
      }
      out.computeIfAbsent(name, k -> new ArrayList<>()).addAll(listed(p, "Filter." + i + ".Value"));
    }
    return out;
  }

  private static <T> boolean matches(
      T item, Map<String, List<String>> filters, Map<String, Function<T, String>> fields) {
    for (Map.Entry<String, List<String>> f : filters.entrySet()) {
      if (!f.getValue().contains(fields.get(f.getKey()).apply(item))) {
        return false;
      }
    }
    return true;
  }

  /** Configures a {@link FakeEc2}. */
  public static final class Builder {
    private Region region = Region.US_EAST_1;
    private String accountId = "111122223333";
    private Clock clock = Clock.systemUTC();
    private int port;
    private boolean defaultVpc = true;

    private Builder() {}

    /** The region served. */
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

    /** An account whose default VPC was deleted: no VPC, no subnet. */
    public Builder noDefaultVpc() {
      this.defaultVpc = false;
      return this;
    }

    /** The fake, not started yet. */
    public FakeEc2 build() {
      return new FakeEc2(this);
    }
  }
}
