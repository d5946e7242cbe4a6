package dev.mgnagent.install.internal;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.ProxyRoute;
import dev.mgnagent.Warning;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.MacAddresses;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.mgn.ServiceInitialization;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import dev.mgnagent.mgn.internal.MgnErrors;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.NetworkInterface;
import software.amazon.awssdk.services.mgn.model.SourceServer;
import software.amazon.awssdk.services.mgn.model.UninitializedAccountException;

/** The SERVICE step: MGN is initialized in the region, and tags are not given for a reinstall. */
final class ServiceCheck {

  private ServiceCheck() {}

  /**
   * Stops the install only when MGN visibly cannot take agents: {@code
   * UninitializedAccountException}, or no replication configuration template. What these
   * credentials may not look at (installation-policy keys cannot describe anything) is a warning.
   * With {@code initializeService}, what is missing is created first.
   */
  static String ensureInitialized(
      MgnClient service, InstallRequest request, List<Warning> warnings, ProxyRoute route) {
    String initialized = "";
    if (request.initializeService()) {
      ServiceRoleInitializer.Builder b =
          ServiceRoleInitializer.builder().mgnClient(service).proxyRoute(route);
      request.iamEndpoint().ifPresent(b::iamEndpoint);
      request.stsEndpoint().ifPresent(b::stsEndpoint);
      request.ec2Endpoint().ifPresent(b::ec2Endpoint);
      request.stagingSubnetId().ifPresent(b::stagingSubnetId);
      try (ServiceRoleInitializer initializer = b.build()) {
        ServiceInitialization result = initializer.initialize();
        // one line per step: the parts themselves are what init-service prints
        initialized =
            result.created().isEmpty()
                ? ""
                : "; created "
                    + result.created().size()
                    + " part(s) (roles, policies, service,"
                    + " templates: see 'mgn-agent init-service --check')";
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
        throw MgnErrors.translate(
            "DescribeSourceServers", e, request.region().id(), request.endpoint());
      }
      String warning =
          "could not check that MGN is initialized: these credentials may not call"
              + " DescribeSourceServers (installation-policy keys cannot); the installer will tell";
      warnings.add(new Warning(Warning.Code.SERVICE_UNCHECKED, warning));
      return warning;
    } catch (SdkException e) {
      throw MgnErrors.translate(
          "DescribeSourceServers", e, request.region().id(), request.endpoint());
    }
    try {
      boolean none =
          service.describeReplicationConfigurationTemplates(r -> r.maxResults(1)).items().isEmpty();
      if (none) {
        throw uninitialized(
            request,
            "MGN in "
                + request.region()
                + " has no replication"
                + " configuration template, so agents cannot replicate");
      }
    } catch (UninitializedAccountException e) {
      throw uninitialized(request, "MGN is not initialized in " + request.region());
    } catch (AwsServiceException e) {
      if (!denied(e)) {
        throw MgnErrors.translate(
            "DescribeReplicationConfigurationTemplates",
            e,
            request.region().id(),
            request.endpoint());
      }
      String warning =
          "could not check MGN's replication template: these credentials may not"
              + " call DescribeReplicationConfigurationTemplates";
      warnings.add(new Warning(Warning.Code.SERVICE_UNCHECKED, warning));
      return "MGN is initialized in " + request.region() + initialized + " (" + warning + ")";
    } catch (SdkException e) {
      throw MgnErrors.translate(
          "DescribeReplicationConfigurationTemplates",
          e,
          request.region().id(),
          request.endpoint());
    }
    return "MGN is initialized in " + request.region() + initialized;
  }

  private static boolean denied(AwsServiceException e) {
    return e.awsErrorDetails() != null
        && "AccessDeniedException".equals(e.awsErrorDetails().errorCode());
  }

  private static MgnAgentException uninitialized(InstallRequest request, String what) {
    return new MgnAgentException(
        what
            + ": initialize MGN in "
            + request.region()
            + " with an administrator's credentials ('mgn-agent init-service'), or"
            + " initialize it with initializeService");
  }

  /**
   * Tags can only be set on a new source server: the installer fails with "already exists" when
   * this host is registered already. Checked here, before anything runs, the way MGN recognises a
   * host: by its MAC addresses ({@code sys/class/net}) against each unarchived server's {@code
   * sourceProperties.networkInterfaces}. A host whose MAC changed is a new source server, and a
   * hostname proves nothing either way.
   */
  static String refuseTagsOnReinstall(
      Host host, MgnClient service, InstallRequest request, List<Warning> warnings) {
    List<String> macs = MacAddresses.of(host);
    if (request.tags().isEmpty()) {
      return "";
    }
    if (macs.isEmpty()) {
      warnings.add(
          new Warning(
              Warning.Code.REINSTALL_UNCHECKED,
              "could not check whether this"
                  + " server is registered already: no MAC address under sys/class/net; the installer"
                  + " will refuse the tags if it is"));
      return "";
    }
    try {
      for (SourceServer server :
          service
              .describeSourceServersPaginator(r -> r.filters(f -> f.isArchived(false)))
              .items()) {
        if (Boolean.TRUE.equals(server.isArchived()) || server.sourceProperties() == null) {
          continue;
        }
        for (NetworkInterface nic : server.sourceProperties().networkInterfaces()) {
          Optional<String> mac = MacAddresses.normalize(nic.macAddress());
          if (mac.isPresent() && macs.contains(mac.get())) {
            throw new InvalidRequestException(
                "tags",
                "this server (MAC "
                    + nic.macAddress()
                    + ") is already registered as "
                    + server.sourceServerID()
                    + " and tags can only"
                    + " be set on a new source server: install again without tags (change tags"
                    + " with the MGN console or API)");
          }
        }
      }
      return "; this server's MAC is not registered yet, so tags can be set";
    } catch (SdkException e) {
      warnings.add(
          new Warning(
              Warning.Code.REINSTALL_UNCHECKED,
              "could not check whether this" + " server is registered already: " + e.getMessage()));
      return "";
    }
  }
}
