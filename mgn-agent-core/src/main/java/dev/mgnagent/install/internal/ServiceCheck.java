package dev.mgnagent.install.internal;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.MacAddresses;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.NetworkInterface;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/** The SERVICE step: MGN is initialized in the region, and tags are not given for a reinstall. */
final class ServiceCheck {

  private ServiceCheck() {}

  static String ensureInitialized(MgnClient service, InstallRequest request, List<String> warnings) {
    try (ServiceRoleInitializer initializer =
        ServiceRoleInitializer.builder().mgnClient(service).build()) {
      if (initializer.isInitialized()) {
        return "MGN is initialized in " + request.region();
      }
      if (!request.initializeService()) {
        throw new MgnAgentException("MGN is not initialized in " + request.region() + ": run"
            + " 'mgn-agent init-service --region " + request.region() + "' with an"
            + " administrator's credentials, or pass --initialize-service");
      }
      return initializer.initialize().summary();
    } catch (MgnServiceException e) {
      if (e.errorCode().orElse("").equals("AccessDeniedException")) {
        String warning = "could not check that MGN is initialized: these credentials may not call"
            + " DescribeSourceServers (installation-policy keys cannot); the installer will tell";
        warnings.add(warning);
        return warning;
      }
      throw e;
    }
  }
  /**
   * Tags can only be set on a new source server: the installer fails with "already exists" when
   * this host is registered already. Checked here, before anything runs, the way MGN recognises
   * a host: by its MAC addresses ({@code sys/class/net}) against each unarchived server's
   * {@code sourceProperties.networkInterfaces}. A host whose MAC changed is a new source server,
   * and a hostname proves nothing either way.
   */
  static String refuseTagsOnReinstall(
      Host host, MgnClient service, InstallRequest request, List<String> warnings) {
    List<String> macs = MacAddresses.of(host);
    if (request.tags().isEmpty()) {
      return "";
    }
    if (macs.isEmpty()) {
      warnings.add("could not check whether this server is registered already: no MAC address"
          + " under sys/class/net; the installer will refuse the tags if it is");
      return "";
    }
    try {
      for (SourceServer server : service.describeSourceServersPaginator(r -> r.filters(
          f -> f.isArchived(false))).items()) {
        if (Boolean.TRUE.equals(server.isArchived()) || server.sourceProperties() == null) {
          continue;
        }
        for (NetworkInterface nic : server.sourceProperties().networkInterfaces()) {
          Optional<String> mac = MacAddresses.normalize(nic.macAddress());
          if (mac.isPresent() && macs.contains(mac.get())) {
            throw new InvalidRequestException("--tags", "this server (MAC " + nic.macAddress()
                + ") is already registered as " + server.sourceServerID() + " and tags can only"
                + " be set on a new source server: install again without --tags (change tags"
                + " with the MGN console or API)");
          }
        }
      }
      return "; this server's MAC is not registered yet, so --tags can be set";
    } catch (SdkException e) {
      warnings.add("could not check whether this server is registered already: "
          + e.getMessage());
      return "";
    }
  }
}
