package dev.mgnagent.mgn.internal;

import dev.mgnagent.mgn.ServiceInitialization;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.UninitializedAccountException;

/** {@link ServiceRoleInitializer} over one {@link MgnClient}. */
public final class DefaultServiceRoleInitializer implements ServiceRoleInitializer {

  private final MgnClient client;
  private final boolean ownsClient;
  private final String region;
  private final Optional<URI> endpoint;

  private DefaultServiceRoleInitializer(
      MgnClient client, boolean ownsClient, String region, Optional<URI> endpoint) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.region = region;
    this.endpoint = endpoint;
  }

  @Override
  public ServiceInitialization initialize() {
    call("InitializeService", () -> client.initializeService(r -> {}));
    List<String> templates =
        call("DescribeReplicationConfigurationTemplates",
            () -> client.describeReplicationConfigurationTemplatesPaginator(r -> {})
                .items().stream()
                .map(ReplicationConfigurationTemplate::replicationConfigurationTemplateID)
                .toList());
    if (templates.isEmpty()) {
      return new ServiceInitialization(false, templates,
          "InitializeService succeeded but MGN has no replication configuration template in "
              + region + "; finish the setup in the MGN console (Settings, Replication template)"
              + " or with 'aws mgn create-replication-configuration-template'");
    }
    return new ServiceInitialization(true, templates,
        "MGN is initialized in " + region + ": service roles in place, replication template "
            + String.join(", ", templates));
  }

  @Override
  public boolean isInitialized() {
    try {
      client.describeSourceServers(r -> r.maxResults(1));
      return true;
    } catch (UninitializedAccountException e) {
      return false;
    } catch (SdkException e) {
      throw MgnErrors.translate("DescribeSourceServers", e, region, endpoint);
    }
  }

  private <T> T call(String operation, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw MgnErrors.translate(operation, e, region, endpoint);
    }
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }

  /** Builds a {@link DefaultServiceRoleInitializer}. */
  public static final class BuilderImpl implements ServiceRoleInitializer.Builder {
    private MgnClient client;
    private Region region;
    private AwsCredentialsProvider credentials;
    private URI endpoint;

    @Override
    public Builder mgnClient(MgnClient client) {
      this.client = Objects.requireNonNull(client, "client");
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
    public ServiceRoleInitializer build() {
      if (client != null) {
        String name = client.serviceClientConfiguration().region().id();
        return new DefaultServiceRoleInitializer(client, false, name,
            client.serviceClientConfiguration().endpointOverride());
      }
      if (region == null) {
        throw new IllegalStateException("give ServiceRoleInitializer a region or an MgnClient");
      }
      MgnClient created = MgnClientFactory.create(region, Optional.ofNullable(credentials),
          Optional.ofNullable(endpoint));
      return new DefaultServiceRoleInitializer(created, true, region.id(), Optional.ofNullable(endpoint));
    }
  }
}
