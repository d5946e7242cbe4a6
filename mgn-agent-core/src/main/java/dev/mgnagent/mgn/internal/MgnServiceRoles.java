package dev.mgnagent.mgn.internal;

import java.util.List;

/**
 * The IAM roles MGN's API initialization creates before {@code InitializeService}, as the MGN user
 * guide lists them (https://docs.aws.amazon.com/mgn/latest/ug/mgn-initialize-api.html): name,
 * trusted service, managed policies. All live at the path {@code /service-role/}, where MGN's own
 * managed policies expect them ({@code iam:PassRole} on {@code role/service-role/...}).
 */
final class MgnServiceRoles {

  /**
   * One role.
   *
   * @param name the role name
   * @param service the service principal its trust policy allows
   * @param policies managed policy ARNs without the partition, {@code iam::aws:policy/...}
   * @param undocumentedPolicies managed policy names whose ARN AWS does not document: never
   *     guessed, reported for the user to attach
   * @param agent whether this is the agent role, whose trust policy also allows {@code
   *     sts:SetSourceIdentity} for source servers of this account only
   */
  record Role(
      String name,
      String service,
      List<String> policies,
      List<String> undocumentedPolicies,
      boolean agent) {

    /** The trust policy for {@code accountId} in {@code partition}. */
    String trustPolicy(String accountId) {
      if (!agent) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\""
            + service
            + "\"},\"Action\":\"sts:AssumeRole\"}]}";
      }
      return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"Service\":\""
          + service
          + "\"},\"Action\":[\"sts:AssumeRole\","
          + "\"sts:SetSourceIdentity\"],\"Condition\":{\"StringLike\":{\"sts:SourceIdentity\":"
          + "\"s-*\",\"aws:SourceAccount\":\""
          + accountId
          + "\"}}}]}";
    }

    /** The managed policy ARNs in {@code partition}. */
    List<String> policyArns(String partition) {
      return policies.stream().map(p -> "arn:" + partition + ":" + p).toList();
    }
  }

  static final String PATH = "/service-role/";

  /** The service-linked role {@code InitializeService} creates. */
  static final String SERVICE_LINKED_ROLE = "AWSServiceRoleForApplicationMigrationService";

  private static final String SERVICE_ROLE_POLICY = "iam::aws:policy/service-role/";
  private static final String SSM_CORE = "iam::aws:policy/AmazonSSMManagedInstanceCore";

  static final List<Role> ALL =
      List.of(
          new Role(
              "AWSApplicationMigrationReplicationServerRole",
              "ec2.amazonaws.com",
              List.of(SERVICE_ROLE_POLICY + "AWSApplicationMigrationReplicationServerPolicy"),
              List.of(),
              false),
          new Role(
              "AWSApplicationMigrationConversionServerRole",
              "ec2.amazonaws.com",
              List.of(SERVICE_ROLE_POLICY + "AWSApplicationMigrationConversionServerPolicy"),
              List.of(),
              false),
          new Role(
              "AWSApplicationMigrationMGHRole",
              "mgn.amazonaws.com",
              List.of(SERVICE_ROLE_POLICY + "AWSApplicationMigrationMGHAccess"),
              List.of(),
              false),
          new Role(
              "AWSApplicationMigrationLaunchInstanceWithDrsRole",
              "ec2.amazonaws.com",
              List.of(
                  SSM_CORE, SERVICE_ROLE_POLICY + "AWSElasticDisasterRecoveryEc2InstancePolicy"),
              List.of(),
              false),
          new Role(
              "AWSApplicationMigrationLaunchInstanceWithSsmRole",
              "ec2.amazonaws.com",
              List.of(SSM_CORE),
              List.of(),
              false),
          new Role(
              "AWSApplicationMigrationFsxProxyRole",
              "mgn.amazonaws.com",
              List.of(SERVICE_ROLE_POLICY + "AWSApplicationMigrationFSxProxyPolicy"),
              List.of(),
              false),
          new Role(
              "AWSApplicationMigrationFsxProxyLinkRole",
              "mgn.amazonaws.com",
              List.of(),
              List.of("AWSApplicationMigrationFSxProxyVPCPolicy"),
              false),
          new Role(
              "AWSApplicationMigrationAgentRole",
              "mgn.amazonaws.com",
              List.of(SERVICE_ROLE_POLICY + "AWSApplicationMigrationAgentPolicy_v2"),
              List.of(),
              true));

  private MgnServiceRoles() {}
}
