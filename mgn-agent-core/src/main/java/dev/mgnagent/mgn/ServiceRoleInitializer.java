package dev.mgnagent.mgn;

import dev.mgnagent.mgn.internal.DefaultServiceRoleInitializer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * Seed step 1: makes sure MGN's service roles exist in the account and region, as the console's
 * "Reinitialize service permissions" does, by calling {@code InitializeService} and checking that
 * the default replication configuration template is there afterwards.
 *
 * <pre>{@code
 * try (ServiceRoleInitializer initializer = ServiceRoleInitializer.builder()
 *     .region(Region.EU_CENTRAL_1).build()) {
 *   ServiceInitialization result = initializer.initialize();
 * }
 * }</pre>
 *
 * <p>Permission errors are explained: which IAM permissions initialization needs and which roles
 * MGN creates.
 */
public interface ServiceRoleInitializer extends AutoCloseable {

  /** A builder: give either an {@link MgnClient} or a region (with optional credentials and endpoint). */
  static Builder builder() {
    return new DefaultServiceRoleInitializer.BuilderImpl();
  }

  /**
   * Calls {@code InitializeService} (idempotent), then {@code
   * DescribeReplicationConfigurationTemplates}.
   *
   * @throws MgnServiceException with an explanation and remedy when MGN refuses
   */
  ServiceInitialization initialize();

  /**
   * Whether the account is initialized in this region: probes with {@code DescribeSourceServers}
   * and returns false on {@code UninitializedAccountException}.
   *
   * @throws MgnServiceException on any other failure
   */
  boolean isInitialized();

  /** Closes the MGN client if this initializer created it; a client passed in stays open. */
  @Override
  void close();

  /** Configures a {@link ServiceRoleInitializer}. */
  interface Builder {
    /** Use this client (it is not closed by the initializer). Other settings are then ignored. */
    Builder mgnClient(MgnClient client);

    /** The region to initialize; required unless a client is given. */
    Builder region(Region region);

    /** Credentials for the service-side calls; default: the AWS default credentials chain. */
    Builder credentialsProvider(AwsCredentialsProvider provider);

    /** An MGN endpoint other than the regional one (a PrivateLink endpoint, or a fake). */
    Builder endpoint(URI endpoint);

    ServiceRoleInitializer build();
  }
}
