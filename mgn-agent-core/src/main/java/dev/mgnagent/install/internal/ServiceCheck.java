package dev.mgnagent.install.internal;

import dev.mgnagent.Warning;
import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.HostName;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.ServiceInitialization;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import dev.mgnagent.mgn.internal.MgnErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.mgn.model.UninitializedAccountException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.mgn.MgnClient;

/** The SERVICE step: MGN is initialized in the region, and tags are not given for a reinstall. */
final class ServiceCheck {

  private ServiceCheck() {}

  /**
   * Stops the install only when MGN visibly cannot take agents: {@code
   * UninitializedAccountException}, or no replication configuration template. What these
   * credentials may not look at (installation-policy keys cannot describe anything) is a warning.
   * With {@code initializeService}, what is missing is created first.
   */
  static String ensureInitialized(MgnClient service, InstallRequest request, List<Warning> warnings) {
    String initialized = "";
    if (request.initializeService()) {
      ServiceRoleInitializer.Builder b = ServiceRoleInitializer.builder().mgnClient(service);
      request.iamEndpoint().ifPresent(b::iamEndpoint);
      request.stsEndpoint().ifPresent(b::stsEndpoint);
      request.ec2Endpoint().ifPresent(b::ec2Endpoint);
      request.stagingSubnetId().ifPresent(b::stagingSubnetId);
      try (ServiceRoleInitializer initializer = b.build()) {
        ServiceInitialization result = initializer.initialize();
        initialized = result.created().isEmpty() ? "" : "; created "
            + String.join(", ", result.created());
        if (!result.complete()) {
          warnings.add(new Warning(Warning.Code.INITIALIZATION_INCOMPLETE, result.summary()));
        }
      }
    }
    try {
      service.describeSourceServers(r -> r.maxResults(1));
    } catch (UninitializedAccountException e) {
      throw uninitialized(request, "MGN is not initialized in " + request.region());
    } catch (AwsServiceException e) {
      if (!denied(e)) {
        throw MgnErrors.translate("DescribeSourceServers", e, request.region().id(), request.endpoint());
      }
      String warning = "could not check that MGN is initialized: these credentials may not call"
          + " DescribeSourceServers (installation-policy keys cannot); the installer will tell";
      warnings.add(new Warning(Warning.Code.SERVICE_UNCHECKED, warning));
      return warning;
    } catch (SdkException e) {
      throw MgnErrors.translate("DescribeSourceServers", e, request.region().id(), request.endpoint());
    }
    try {
      boolean none = service.describeReplicationConfigurationTemplates(r -> r.maxResults(1))
          .items().isEmpty();
      if (none) {
        throw uninitialized(request, "MGN in " + request.region() + " has no replication"
            + " configuration template, so agents cannot replicate");
      }
    } catch (UninitializedAccountException e) {
      throw uninitialized(request, "MGN is not initialized in " + request.region());
    } catch (AwsServiceException e) {
      if (!denied(e)) {
        throw MgnErrors.translate("DescribeReplicationConfigurationTemplates", e,
            request.region().id(), request.endpoint());
      }
      String warning = "could not check MGN's replication template: these credentials may not"
          + " call DescribeReplicationConfigurationTemplates";
      warnings.add(new Warning(Warning.Code.SERVICE_UNCHECKED, warning));
      return "MGN is initialized in " + request.region() + initialized + " (" + warning + ")";
    } catch (SdkException e) {
      throw MgnErrors.translate("DescribeReplicationConfigurationTemplates", e, request.region().id(),
          request.endpoint());
    }
    return "MGN is initialized in " + request.region() + initialized;
  }

  private static boolean denied(AwsServiceException e) {
    return e.awsErrorDetails() != null
        && "AccessDeniedException".equals(e.awsErrorDetails().errorCode());
  }

  private static MgnAgentException uninitialized(InstallRequest request, String what) {
    return new MgnAgentException(what + ": run 'mgn-agent init-service --region "
        + request.region() + "' with an administrator's credentials, or pass"
        + " --initialize-service");
  }

  /**
   * Tags can only be set on a new source server: the installer fails with "already exists" when
   * this host is registered already. Checked here, before anything runs, by this host's name
   * (DescribeSourceServers has no hostname filter, so it is matched here).
   */
  static String refuseTagsOnReinstall(
      Host host, MgnClient service, InstallRequest request, List<Warning> warnings) {
    Optional<String> hostname = HostName.of(host);
    if (request.tags().isEmpty() || hostname.isEmpty()) {
      return "";
    }
    try {
      for (ServerReplicationStatus server : ReplicationStatusReader.of(service).read(List.of())) {
        if (server.hostname().equals(hostname)) {
          throw new InvalidRequestException("tags", "this server (" + hostname.get() + ") is"
              + " already registered as " + server.id() + " and tags can only be set on a new"
              + " source server: install again without tags (change tags with the MGN console"
              + " or API)");
        }
      }
      return "; " + hostname.get() + " is not registered yet, so tags can be set";
    } catch (MgnServiceException e) {
      warnings.add(new Warning(Warning.Code.REINSTALL_UNCHECKED, "could not check whether "
          + hostname.get() + " is registered already: " + e.getMessage()));
      return "";
    }
  }}
