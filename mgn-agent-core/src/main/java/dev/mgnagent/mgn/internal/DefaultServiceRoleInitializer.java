package dev.mgnagent.mgn.internal;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Loopback;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.mgn.InitializationPart;
import dev.mgnagent.mgn.InitializationReport;
import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.PartState;
import dev.mgnagent.mgn.ServiceInitialization;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.LaunchConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.UninitializedAccountException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@link ServiceRoleInitializer} over an MGN, an IAM, an STS and an EC2 client. The replication
 * template it creates carries the defaults the MGN user guide documents for the console
 * (https://docs.aws.amazon.com/mgn/latest/ug/replication-server-settings.html): t3.small, st1 for
 * large disks, default EBS encryption, the default MGN security group and no other, public IP and
 * public routing, no bandwidth limit, a shared replication server, no staging tags. The launch
 * template is created with no member set, so MGN applies its own defaults.
 */
public final class DefaultServiceRoleInitializer implements ServiceRoleInitializer {

  private static final Pattern SUBNET_ID = Pattern.compile("^subnet-[0-9a-fA-F]{8,}$");
  private static final String SERVICE = "service (InitializeService)";
  private static final String REPLICATION_TEMPLATE = "replication configuration template";
  private static final String LAUNCH_TEMPLATE = "launch configuration template";
  private static final List<String> DENIED =
      List.of(
          "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess");

  private final MgnClient mgn;
  private final IamClient iam;
  private final StsClient sts;
  private final Ec2Client ec2;

  /*
   * An MGN on loopback is a fake or a sandbox: its keys must never reach the real IAM, STS or
   * EC2. Without an endpoint of their own, those clients are not built, and a step that needs
   * one stops here with what to give.
   */
  private IamClient iam() {
    return present(iam, "iamEndpoint");
  }

  private StsClient sts() {
    return present(sts, "stsEndpoint");
  }

  private Ec2Client ec2() {
    return present(ec2, "ec2Endpoint");
  }

  private <T> T present(T client, String parameter) {
    if (client == null) {
      throw new InvalidRequestException(
          parameter,
          "the MGN endpoint "
              + mgnEndpoint.map(URI::toString).orElse("")
              + " is on loopback (a fake), so this step"
              + " needs "
              + parameter
              + " too: the real IAM, STS and EC2 are never called with a"
              + " fake's keys");
    }
    return client;
  }

  private final List<AutoCloseable> owned;
  private final Region region;
  private final Optional<URI> mgnEndpoint;
  private final Optional<String> stagingSubnetId;
  private String accountId;

  private DefaultServiceRoleInitializer(
      MgnClient mgn,
      IamClient iam,
      StsClient sts,
      Ec2Client ec2,
      List<AutoCloseable> owned,
      Region region,
      Optional<URI> mgnEndpoint,
      Optional<String> stagingSubnetId) {
    this.mgn = mgn;
    this.iam = iam;
    this.sts = sts;
    this.ec2 = ec2;
    this.owned = owned;
    this.region = region;
    this.mgnEndpoint = mgnEndpoint;
    this.stagingSubnetId = stagingSubnetId;
  }

  @Override
  public ServiceInitialization initialize() {
    stagingSubnetId.ifPresent(DefaultServiceRoleInitializer::checkSubnetId);
    List<String> created = new ArrayList<>();
    String partition = AwsClients.partition(region);
    account(); // the role ARNs in messages, and the agent role's trust policy, name the account
    for (MgnServiceRoles.Role role : MgnServiceRoles.ALL) {
      String resource = roleArn(role.name());
      List<String> actions =
          List.of(
              "iam:GetRole",
              "iam:CreateRole",
              "iam:AttachRolePolicy",
              "iam:ListAttachedRolePolicies");
      String part = "role " + role.name();
      boolean exists =
          iamCall(
              part,
              "GetRole",
              actions,
              resource,
              () -> {
                try {
                  iam().getRole(r -> r.roleName(role.name()));
                  return true;
                } catch (NoSuchEntityException e) {
                  return false;
                }
              });
      List<String> attached = List.of();
      if (!exists) {
        String trust = role.trustPolicy(account());
        boolean made =
            iamCall(
                part,
                "CreateRole",
                actions,
                resource,
                () -> {
                  try {
                    iam()
                        .createRole(
                            r ->
                                r.roleName(role.name())
                                    .path(MgnServiceRoles.PATH)
                                    .assumeRolePolicyDocument(trust)
                                    .description(
                                        "Created by mgn-agent as the MGN user guide's API initialization"
                                            + " does"));
                    return true;
                  } catch (EntityAlreadyExistsException e) {
                    return false;
                  }
                });
        if (made) {
          created.add("role " + role.name() + " (" + MgnServiceRoles.PATH + ")");
        }
      }
      if (exists || !role.policies().isEmpty()) {
        attached =
            attachedPolicies(part, role.name(), actions, resource).stream()
                .map(AttachedPolicy::policyArn)
                .toList();
      }
      for (String policy : role.policyArns(partition)) {
        if (!attached.contains(policy)) {
          iamCall(
              part,
              "AttachRolePolicy",
              actions,
              resource,
              () -> iam().attachRolePolicy(r -> r.roleName(role.name()).policyArn(policy)));
          created.add("policy " + policy + " attached to " + role.name());
        }
      }
    }

    boolean serviceMissing = serviceLinkedRoleSeen() == Seen.ABSENT || !isInitialized();
    if (serviceMissing) {
      mgnCall(SERVICE, "InitializeService", () -> mgn.initializeService(r -> {}));
      created.add("InitializeService: MGN's service-linked role and instance profiles");
    }

    List<ReplicationConfigurationTemplate> templates = replicationTemplates();
    if (templates.isEmpty()) {
      StagingSubnet subnet = stagingSubnet();
      var t =
          mgnCall(
                  REPLICATION_TEMPLATE,
                  "CreateReplicationConfigurationTemplate",
                  () ->
                      mgn.createReplicationConfigurationTemplate(
                          r ->
                              r.associateDefaultSecurityGroup(true)
                                  .bandwidthThrottling(0L)
                                  .createPublicIP(true)
                                  .dataPlaneRouting("PUBLIC_IP")
                                  .defaultLargeStagingDiskType("ST1")
                                  .ebsEncryption("DEFAULT")
                                  .replicationServerInstanceType("t3.small")
                                  .replicationServersSecurityGroupsIDs(List.of())
                                  .stagingAreaSubnetId(subnet.id())
                                  .stagingAreaTags(Map.of())
                                  .useDedicatedReplicationServer(false)))
              .toBuilder()
              .build();
      created.add(
          "replication configuration template "
              + t.replicationConfigurationTemplateID()
              + " (staging subnet "
              + subnet.id()
              + subnet.origin()
              + "; t3.small, st1, public IP)");
    }
    if (launchTemplates().isEmpty()) {
      String id =
          mgnCall(
                  LAUNCH_TEMPLATE,
                  "CreateLaunchConfigurationTemplate",
                  () -> mgn.createLaunchConfigurationTemplate(r -> {}))
              .launchConfigurationTemplateID();
      created.add("launch configuration template " + id + " (MGN's defaults)");
    }

    InitializationReport report = inspect();
    List<String> templateIds =
        replicationTemplates().stream()
            .map(ReplicationConfigurationTemplate::replicationConfigurationTemplateID)
            .toList();
    String summary =
        report.complete()
            ? "MGN is initialized in "
                + region.id()
                + (created.isEmpty()
                    ? ": nothing was missing"
                    : ": created " + created.size() + " part(s)")
            : "MGN is not completely initialized in "
                + region.id()
                + ": "
                + describe(report.in(PartState.MISSING), report.in(PartState.UNKNOWN));
    return new ServiceInitialization(report.complete(), templateIds, summary, created, report);
  }

  private static String describe(
      List<InitializationPart> missing, List<InitializationPart> unknown) {
    List<String> out = new ArrayList<>();
    missing.forEach(p -> out.add(p.name() + " missing"));
    unknown.forEach(p -> out.add(p.name() + " unknown"));
    return String.join(", ", out);
  }

  @Override
  public InitializationReport inspect() {
    List<InitializationPart> parts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String partition = AwsClients.partition(region);
    for (MgnServiceRoles.Role role : MgnServiceRoles.ALL) {
      String name = "role " + role.name();
      String look = "needs iam:GetRole and iam:ListAttachedRolePolicies on " + roleArn(role.name());
      Seen seen = seeRole(role.name());
      if (seen == Seen.DENIED) {
        parts.add(
            new InitializationPart(
                name, PartState.UNKNOWN, "these credentials may not look at it (" + look + ")"));
        continue;
      }
      if (seen == Seen.ABSENT) {
        parts.add(
            new InitializationPart(
                name,
                PartState.MISSING,
                "does not exist; initialization creates it at "
                    + MgnServiceRoles.PATH
                    + " trusting "
                    + role.service()));
        continue;
      }
      Optional<List<AttachedPolicy>> attached = attachedIfAllowed(role.name());
      if (attached.isEmpty()) {
        parts.add(
            new InitializationPart(
                name,
                PartState.UNKNOWN,
                "exists; its managed policies could not be listed (" + look + ")"));
        continue;
      }
      List<String> arns = attached.get().stream().map(AttachedPolicy::policyArn).toList();
      List<String> names = attached.get().stream().map(AttachedPolicy::policyName).toList();
      List<String> lacking =
          role.policyArns(partition).stream().filter(p -> !arns.contains(p)).toList();
      if (!lacking.isEmpty()) {
        parts.add(
            new InitializationPart(
                name,
                PartState.MISSING,
                "exists without " + String.join(", ", lacking) + "; initialization attaches it"));
        continue;
      }
      parts.add(
          new InitializationPart(
              name,
              PartState.PRESENT,
              "exists" + (role.policies().isEmpty() ? "" : ", with its managed policies")));
      for (String undocumented : role.undocumentedPolicies()) {
        if (!names.contains(undocumented)) {
          notes.add(
              role.name()
                  + " has no managed policy "
                  + undocumented
                  + ": AWS does not"
                  + " document its ARN, so it is not guessed; attach it in the IAM console (only FSx"
                  + " for ONTAP migrations need it), or use the MGN console's 'Reinitialize service"
                  + " permissions'");
        }
      }
    }
    parts.add(servicePart());
    parts.add(
        templatePart(
            REPLICATION_TEMPLATE,
            "DescribeReplicationConfigurationTemplates",
            () ->
                replicationTemplatesRaw().stream()
                    .map(ReplicationConfigurationTemplate::replicationConfigurationTemplateID)
                    .toList()));
    parts.add(
        templatePart(
            LAUNCH_TEMPLATE,
            "DescribeLaunchConfigurationTemplates",
            () ->
                launchTemplatesRaw().stream()
                    .map(LaunchConfigurationTemplate::launchConfigurationTemplateID)
                    .toList()));
    return new InitializationReport(region.id(), parts, notes);
  }

  private InitializationPart servicePart() {
    Seen slr = serviceLinkedRoleSeen();
    Boolean answers;
    try {
      answers = isInitialized();
    } catch (MgnServiceException e) {
      if (!isDenied(e.errorCode().orElse(""))) {
        throw e;
      }
      answers = null;
    }
    if (Boolean.FALSE.equals(answers)) {
      return new InitializationPart(
          SERVICE,
          PartState.MISSING,
          "MGN answers" + " UninitializedAccountException; initialization calls InitializeService");
    }
    if (slr == Seen.ABSENT) {
      return new InitializationPart(
          SERVICE,
          PartState.MISSING,
          "the service-linked role "
              + MgnServiceRoles.SERVICE_LINKED_ROLE
              + " does not exist; initialization calls"
              + " InitializeService, which creates it");
    }
    if (slr == Seen.PRESENT) {
      return new InitializationPart(
          SERVICE,
          PartState.PRESENT,
          "the service-linked role " + MgnServiceRoles.SERVICE_LINKED_ROLE + " exists");
    }
    if (answers != null) {
      return new InitializationPart(
          SERVICE,
          PartState.PRESENT,
          "MGN answers account calls; the"
              + " service-linked role could not be checked (needs iam:GetRole)");
    }
    return new InitializationPart(
        SERVICE,
        PartState.UNKNOWN,
        "these credentials may not look"
            + " (needs mgn:DescribeSourceServers, and iam:GetRole on "
            + MgnServiceRoles.SERVICE_LINKED_ROLE
            + ")");
  }

  private InitializationPart templatePart(
      String name, String operation, Supplier<List<String>> ids) {
    try {
      List<String> found = ids.get();
      if (found.isEmpty()) {
        return new InitializationPart(
            name,
            PartState.MISSING,
            "none exists; initialization creates one with the console's defaults");
      }
      return new InitializationPart(name, PartState.PRESENT, String.join(", ", found));
    } catch (UninitializedAccountException e) {
      return new InitializationPart(
          name,
          PartState.MISSING,
          "MGN is not initialized; initialization creates one after InitializeService");
    } catch (AwsServiceException e) {
      if (isDenied(code(e))) {
        return new InitializationPart(
            name,
            PartState.UNKNOWN,
            "these credentials may not look (needs mgn:" + operation + ")");
      }
      throw MgnErrors.translate(operation, e, region.id(), mgnEndpoint);
    } catch (SdkException e) {
      throw MgnErrors.translate(operation, e, region.id(), mgnEndpoint);
    }
  }

  @Override
  public boolean isInitialized() {
    try {
      mgn.describeSourceServers(r -> r.maxResults(1));
      return true;
    } catch (UninitializedAccountException e) {
      return false;
    } catch (SdkException e) {
      throw MgnErrors.translate("DescribeSourceServers", e, region.id(), mgnEndpoint);
    }
  }

  private enum Seen {
    PRESENT,
    ABSENT,
    DENIED
  }

  private Seen seeRole(String name) {
    try {
      iam().getRole(r -> r.roleName(name));
      return Seen.PRESENT;
    } catch (NoSuchEntityException e) {
      return Seen.ABSENT;
    } catch (AwsServiceException e) {
      if (isDenied(code(e))) {
        return Seen.DENIED;
      }
      throw translate("role " + name, "iam", "GetRole", List.of("iam:GetRole"), e);
    } catch (SdkException e) {
      throw translate("role " + name, "iam", "GetRole", List.of("iam:GetRole"), e);
    }
  }

  private Seen serviceLinkedRoleSeen() {
    return seeRole(MgnServiceRoles.SERVICE_LINKED_ROLE);
  }

  private Optional<List<AttachedPolicy>> attachedIfAllowed(String name) {
    try {
      return Optional.of(
          iam().listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies().stream()
              .toList());
    } catch (AwsServiceException e) {
      if (isDenied(code(e))) {
        return Optional.empty();
      }
      throw translate(
          "role " + name,
          "iam",
          "ListAttachedRolePolicies",
          List.of("iam:ListAttachedRolePolicies"),
          e);
    } catch (SdkException e) {
      throw translate(
          "role " + name,
          "iam",
          "ListAttachedRolePolicies",
          List.of("iam:ListAttachedRolePolicies"),
          e);
    }
  }

  private List<AttachedPolicy> attachedPolicies(
      String part, String name, List<String> actions, String resource) {
    return iamCall(
        part,
        "ListAttachedRolePolicies",
        actions,
        resource,
        () ->
            iam()
                .listAttachedRolePoliciesPaginator(r -> r.roleName(name))
                .attachedPolicies()
                .stream()
                .toList());
  }

  private String account() {
    if (accountId == null) {
      try {
        accountId = sts().getCallerIdentity().account();
      } catch (SdkException e) {
        throw translate(
            "the agent role's trust policy (this account's ID)",
            "sts",
            "GetCallerIdentity",
            List.of(),
            e);
      }
    }
    return accountId;
  }

  private String roleArn(String name) {
    String account = accountId != null ? accountId : "*";
    return "arn:"
        + AwsClients.partition(region)
        + ":iam::"
        + account
        + ":role"
        + MgnServiceRoles.PATH
        + name;
  }

  private List<ReplicationConfigurationTemplate> replicationTemplates() {
    return mgnCall(
        REPLICATION_TEMPLATE,
        "DescribeReplicationConfigurationTemplates",
        this::replicationTemplatesRaw);
  }

  private List<ReplicationConfigurationTemplate> replicationTemplatesRaw() {
    return mgn.describeReplicationConfigurationTemplatesPaginator(r -> {}).items().stream()
        .toList();
  }

  private List<LaunchConfigurationTemplate> launchTemplates() {
    return mgnCall(
        LAUNCH_TEMPLATE, "DescribeLaunchConfigurationTemplates", this::launchTemplatesRaw);
  }

  private List<LaunchConfigurationTemplate> launchTemplatesRaw() {
    return mgn.describeLaunchConfigurationTemplatesPaginator(r -> {}).items().stream().toList();
  }

  /** The subnet chosen for the staging area, and a few words on where it came from. */
  private record StagingSubnet(String id, String origin) {}

  private StagingSubnet stagingSubnet() {
    if (stagingSubnetId.isPresent()) {
      return new StagingSubnet(stagingSubnetId.get(), ", as given");
    }
    List<String> actions = List.of("ec2:DescribeVpcs", "ec2:DescribeSubnets");
    String part = "the staging subnet of the " + REPLICATION_TEMPLATE;
    List<Vpc> vpcs =
        awsCall(
            part,
            "ec2",
            "DescribeVpcs",
            actions,
            () ->
                ec2()
                    .describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                    .vpcs());
    if (vpcs.isEmpty()) {
      throw new InvalidRequestException(
          "stagingSubnetId",
          "the account has no default VPC in "
              + region.id()
              + ", so there is no default staging area subnet: give the subnet for"
              + " MGN's replication servers (stagingSubnetId, such as subnet-0123456789abcdef0)");
    }
    String vpc = vpcs.get(0).vpcId();
    List<Subnet> subnets =
        awsCall(
            part,
            "ec2",
            "DescribeSubnets",
            actions,
            () ->
                ec2()
                    .describeSubnetsPaginator(
                        r ->
                            r.filters(
                                f -> f.name("vpc-id").values(vpc),
                                f -> f.name("default-for-az").values("true")))
                    .subnets()
                    .stream()
                    .toList());
    Subnet first =
        subnets.stream()
            .min(Comparator.comparing(Subnet::availabilityZone))
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "stagingSubnetId",
                        "the default VPC "
                            + vpc
                            + " in "
                            + region.id()
                            + " has no default subnet: give the subnet for MGN's replication"
                            + " servers (stagingSubnetId, such as subnet-0123456789abcdef0)"));
    return new StagingSubnet(
        first.subnetId(),
        ", the default VPC " + vpc + "'s default subnet in " + first.availabilityZone());
  }

  private static void checkSubnetId(String id) {
    if (!SUBNET_ID.matcher(id).matches()) {
      throw new InvalidRequestException(
          "stagingSubnetId",
          "'"
              + id
              + "' is not a subnet ID"
              + " (subnet- and at least 8 hexadecimal digits, such as subnet-0123456789abcdef0)");
    }
  }

  private <T> T iamCall(
      String part, String operation, List<String> actions, String resource, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw translate(part + " (" + resource + ")", "iam", operation, actions, e);
    }
  }

  private void iamCall(
      String part, String operation, List<String> actions, String resource, Runnable call) {
    iamCall(
        part,
        operation,
        actions,
        resource,
        () -> {
          call.run();
          return null;
        });
  }

  private <T> T awsCall(
      String part, String service, String operation, List<String> actions, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw translate(part, service, operation, actions, e);
    }
  }

  /** An MGN call; a refusal names the MGN and IAM actions this part needs. */
  private <T> T mgnCall(String part, String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      if (isDenied(code(e))) {
        List<String> actions = new ArrayList<>(List.of("mgn:" + operation));
        if (operation.equals("InitializeService")) {
          actions.addAll(
              List.of(
                  "iam:CreateServiceLinkedRole",
                  "iam:CreateInstanceProfile",
                  "iam:GetInstanceProfile",
                  "iam:AddRoleToInstanceProfile",
                  "iam:PassRole"));
        }
        throw new MgnServiceException(
            operation,
            code(e),
            "MGN refused "
                + operation
                + " for the "
                + part
                + " ("
                + said(e)
                + "); this part needs "
                + String.join(", ", actions)
                + (operation.equals("InitializeService")
                    ? " (the console asks for" + " AdministratorAccess)"
                    : "")
                + ": use credentials allowed them, such as an"
                + " administrator's",
            e);
      }
      throw MgnErrors.translate(operation, e, region.id(), mgnEndpoint);
    } catch (SdkException e) {
      throw MgnErrors.translate(operation, e, region.id(), mgnEndpoint);
    }
  }

  private MgnAgentException translate(
      String part, String service, String operation, List<String> actions, SdkException e) {
    String name = service.toUpperCase(java.util.Locale.ROOT);
    if (e instanceof AwsServiceException a && a.awsErrorDetails() != null) {
      String code = code(a);
      if (isDenied(code)) {
        return new MgnServiceException(
            service + ":" + operation,
            code,
            name
                + " refused "
                + operation
                + " for "
                + part
                + " ("
                + said(a)
                + "); this part needs "
                + String.join(", ", actions)
                + ": use credentials allowed them, such as an"
                + " administrator's",
            e);
      }
      return new MgnServiceException(
          service + ":" + operation,
          code,
          name + " " + operation + " failed for " + part + " (" + said(a) + ")",
          e);
    }
    if (e instanceof SdkClientException
        && String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
      return new InvalidRequestException(
          "credentials",
          "no AWS credentials found for "
              + operation
              + ": configure the AWS default credentials chain or give credentials");
    }
    return new MgnServiceException(
        service + ":" + operation,
        null,
        "cannot reach "
            + name
            + " for "
            + operation
            + " ("
            + part
            + "): "
            + firstLine(e.getMessage()),
        e);
  }

  private static String said(AwsServiceException e) {
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return message == null || message.isBlank()
        ? code(e)
        : code(e) + ": " + MgnErrors.firstSentence(message);
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? ""
        : e.awsErrorDetails().errorCode();
  }

  private static boolean isDenied(String code) {
    return DENIED.contains(code);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  @Override
  public void close() {
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        // closing an SDK client does not fail in practice; nothing to do
      }
    }
  }

  /** Builds a {@link DefaultServiceRoleInitializer}. */
  public static final class BuilderImpl implements ServiceRoleInitializer.Builder {
    private MgnClient mgn;
    private IamClient iam;
    private StsClient sts;
    private Ec2Client ec2;
    private Region region;
    private AwsCredentialsProvider credentials;
    private URI endpoint;
    private URI iamEndpoint;
    private URI stsEndpoint;
    private URI ec2Endpoint;
    private String stagingSubnetId;
    private dev.mgnagent.ProxyRoute route;
    private java.time.Duration attemptTimeout = AwsHttp.ATTEMPT_TIMEOUT;
    private java.time.Duration callTimeout = AwsHttp.CALL_TIMEOUT;

    @Override
    public Builder proxyRoute(dev.mgnagent.ProxyRoute route) {
      this.route = Objects.requireNonNull(route, "route");
      return this;
    }

    @Override
    public Builder callTimeouts(java.time.Duration attempt, java.time.Duration call) {
      this.attemptTimeout = Objects.requireNonNull(attempt, "attempt");
      this.callTimeout = Objects.requireNonNull(call, "call");
      return this;
    }

    @Override
    public Builder mgnClient(MgnClient client) {
      this.mgn = Objects.requireNonNull(client, "client");
      return this;
    }

    @Override
    public Builder iamClient(IamClient client) {
      this.iam = Objects.requireNonNull(client, "client");
      return this;
    }

    @Override
    public Builder stsClient(StsClient client) {
      this.sts = Objects.requireNonNull(client, "client");
      return this;
    }

    @Override
    public Builder ec2Client(Ec2Client client) {
      this.ec2 = Objects.requireNonNull(client, "client");
      return this;
    }

    @Override
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    @Override
    public Builder credentialsProvider(AwsCredentialsProvider provider) {
      this.credentials = Objects.requireNonNull(provider, "provider");
      return this;
    }

    @Override
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    @Override
    public Builder iamEndpoint(URI endpoint) {
      this.iamEndpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    @Override
    public Builder stsEndpoint(URI endpoint) {
      this.stsEndpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    @Override
    public Builder ec2Endpoint(URI endpoint) {
      this.ec2Endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    @Override
    public Builder stagingSubnetId(String subnetId) {
      this.stagingSubnetId = Objects.requireNonNull(subnetId, "subnetId");
      return this;
    }

    @Override
    public ServiceRoleInitializer build() {
      List<AutoCloseable> owned = new ArrayList<>();
      dev.mgnagent.ProxyRoute via =
          route != null ? route : dev.mgnagent.ProxyRoute.fromEnvironment(System.getenv());
      Region where;
      Optional<URI> mgnEndpoint;
      IdentityProvider<? extends AwsCredentialsIdentity> identity;
      MgnClient mgnClient = mgn;
      if (mgnClient != null) {
        where = mgnClient.serviceClientConfiguration().region();
        mgnEndpoint = mgnClient.serviceClientConfiguration().endpointOverride();
        identity =
            credentials != null
                ? credentials
                : mgnClient.serviceClientConfiguration().credentialsProvider();
      } else {
        if (region == null) {
          throw new IllegalStateException("give ServiceRoleInitializer a region or an MgnClient");
        }
        where = region;
        mgnEndpoint = Optional.ofNullable(endpoint);
        identity = AwsClients.orDefault(credentials);
        mgnClient =
            MgnClientFactory.create(
                region,
                Optional.ofNullable(credentials),
                mgnEndpoint,
                Optional.empty(),
                via,
                attemptTimeout,
                callTimeout);
        owned.add(mgnClient);
      }
      boolean fake = mgnEndpoint.map(URI::getHost).map(Loopback::isLoopbackHost).orElse(false);
      IamClient iamClient = iam;
      if (iamClient == null && !(fake && iamEndpoint == null)) {
        iamClient =
            AwsClients.iam(
                where,
                identity,
                Optional.ofNullable(iamEndpoint),
                via,
                attemptTimeout,
                callTimeout);
        owned.add(iamClient);
      }
      StsClient stsClient = sts;
      if (stsClient == null && !(fake && stsEndpoint == null)) {
        stsClient =
            AwsClients.sts(
                where,
                identity,
                Optional.ofNullable(stsEndpoint),
                via,
                attemptTimeout,
                callTimeout);
        owned.add(stsClient);
      }
      Ec2Client ec2Client = ec2;
      if (ec2Client == null && !(fake && ec2Endpoint == null)) {
        ec2Client =
            AwsClients.ec2(
                where,
                identity,
                Optional.ofNullable(ec2Endpoint),
                via,
                attemptTimeout,
                callTimeout);
        owned.add(ec2Client);
      }
      return new DefaultServiceRoleInitializer(
          mgnClient,
          iamClient,
          stsClient,
          ec2Client,
          owned,
          where,
          mgnEndpoint,
          Optional.ofNullable(stagingSubnetId));
    }
  }
}
