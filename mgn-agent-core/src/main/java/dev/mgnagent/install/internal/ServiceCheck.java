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
import dev.mgnagent.mgn.ServiceRoleInitializer;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.mgn.MgnClient;

/** The SERVICE step: MGN is initialized in the region, and tags are not given for a reinstall. */
final class ServiceCheck {

  private ServiceCheck() {}

  static String ensureInitialized(MgnClient service, InstallRequest request, List<Warning> warnings) {
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
        warnings.add(new Warning(Warning.Code.SERVICE_UNCHECKED, warning));
        return warning;
      }
      throw e;
    }
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
