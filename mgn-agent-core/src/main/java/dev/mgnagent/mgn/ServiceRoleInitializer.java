package dev.mgnagent.mgn;

import dev.mgnagent.mgn.internal.DefaultServiceRoleInitializer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Initializes MGN in a region the way the MGN user guide documents it for the API, idempotently and
 * in its order: the service roles that are missing (IAM, at path {@code /service-role/}, with their
 * trust and managed policies; the agent role trusts only this account, read with STS {@code
 * GetCallerIdentity}), then {@code InitializeService} (the service-linked role and the instance
 * profiles), then a replication configuration template and a launch configuration template with the
 * console's defaults when none exists. The staging subnet is the one given, or else the default
 * VPC's default subnet in the first Availability Zone by name (EC2).
 *
 * <pre>{@code
 * try (ServiceRoleInitializer initializer = ServiceRoleInitializer.builder()
 *     .region(Region.EU_CENTRAL_1).build()) {
 *   InitializationReport before = initializer.inspect();
 *   ServiceInitialization result = initializer.initialize();
 * }
 * }</pre>
 *
 * <p>A refusal names the exact IAM actions the refused part needs.
 */
public interface ServiceRoleInitializer extends AutoCloseable {

  /** A builder: give either clients or a region (with optional credentials and endpoints). */
  static Builder builder() {
    return new DefaultServiceRoleInitializer.BuilderImpl();
  }

  /**
   * Creates what is missing, in the documented order, and reports every part afterwards.
   *
   * @throws MgnServiceException with an explanation and remedy when a service refuses
   * @throws dev.mgnagent.InvalidRequestException when a staging subnet is needed and the account
   *     has no default VPC, or the given subnet ID is malformed
   */
  ServiceInitialization initialize();

  /**
   * Looks at every part without changing anything: each role (and its managed policies), the
   * service, the replication and the launch configuration template, as present, missing or unknown
   * (no permission to look), with what to do.
   */
  InitializationReport inspect();

  /**
   * Whether the account is initialized in this region: probes with {@code DescribeSourceServers}
   * and returns false on {@code UninitializedAccountException}.
   *
   * @throws MgnServiceException on any other failure
   */
  boolean isInitialized();

  /** Closes the clients this initializer created; clients passed in stay open. */
  @Override
  void close();

  /** Configures a {@link ServiceRoleInitializer}. */
  interface Builder {
    /**
     * Use this MGN client (not closed by the initializer); its region and credentials serve the
     * other services too.
     */
    Builder mgnClient(MgnClient client);

    /** Use this IAM client (not closed by the initializer). */
    Builder iamClient(IamClient client);

    /** Use this STS client (not closed by the initializer). */
    Builder stsClient(StsClient client);

    /** Use this EC2 client (not closed by the initializer). */
    Builder ec2Client(Ec2Client client);

    /** The region to initialize; required unless an MGN client is given. */
    Builder region(Region region);

    /** Credentials for every call; default: the AWS default credentials chain. */
    Builder credentialsProvider(AwsCredentialsProvider provider);

    /** An MGN endpoint other than the regional one (a PrivateLink endpoint, or a fake). */
    Builder endpoint(URI endpoint);

    /** An IAM endpoint other than the global one. */
    Builder iamEndpoint(URI endpoint);

    /** An STS endpoint other than the regional one. */
    Builder stsEndpoint(URI endpoint);

    /** An EC2 endpoint other than the regional one. */
    Builder ec2Endpoint(URI endpoint);

    /**
     * The staging area subnet for a new replication template ({@code subnet-...}); by default the
     * default VPC's default subnet in the first Availability Zone by name.
     */
    Builder stagingSubnetId(String subnetId);

    /**
     * The proxy route of the clients the initializer creates (default: this process's {@code
     * https_proxy} and {@code no_proxy}); clients passed in keep their own.
     */
    Builder proxyRoute(dev.mgnagent.ProxyRoute route);

    /**
     * The longest one HTTP attempt and one call (retries included) of the clients the initializer
     * creates may take (default 30 s and 2 min).
     */
    Builder callTimeouts(java.time.Duration attempt, java.time.Duration call);

    ServiceRoleInitializer build();
  }
}
