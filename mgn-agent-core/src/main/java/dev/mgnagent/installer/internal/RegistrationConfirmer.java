package dev.mgnagent.installer.internal;

import dev.mgnagent.Warning;
import dev.mgnagent.Sleeper;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.mgn.SourceServerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.AccessDeniedException;
import software.amazon.awssdk.services.mgn.model.Disk;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * The seed's "perform a test after installing the Agent to ensure that the correct disks have been
 * added", automated: waits until MGN reports the new server's disks and compares them with the
 * selection. Never fails the installation: whatever it cannot check becomes a warning.
 */
final class RegistrationConfirmer {

  /** What the confirmation found. */
  record Confirmation(List<String> registeredDisks, List<Warning> warnings) {}

  private final MgnClient client;
  private final Duration interval;
  private final int attempts;
  private final Sleeper sleeper;

  RegistrationConfirmer(MgnClient client, Duration interval, int attempts, Sleeper sleeper) {
    this.client = client;
    this.interval = interval;
    this.attempts = attempts;
    this.sleeper = sleeper;
  }

  Confirmation confirm(SourceServerId id, Selection selection) {
    List<String> registered = List.of();
    try {
      for (int attempt = 1; attempt <= attempts && registered.isEmpty(); attempt++) {
        registered = disksOf(id);
        if (registered.isEmpty() && attempt < attempts) {
          sleeper.sleep(interval);
        }
      }
    } catch (AccessDeniedException e) {
      return new Confirmation(List.of(), unconfirmed("the registration of " + id + " was not"
          + " confirmed: these credentials may not call DescribeSourceServers (installation-policy"
          + " keys cannot); give service credentials to check the registered disks"));
    } catch (SdkException e) {
      return new Confirmation(List.of(), unconfirmed("the registration of " + id + " was not"
          + " confirmed: " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Confirmation(List.of(), unconfirmed("the confirmation of " + id + " was interrupted"));
    }
    if (registered.isEmpty()) {
      return new Confirmation(List.of(), unconfirmed("MGN has not reported the disks of " + id
          + " after " + attempts + " checks; look again with 'mgn-agent status'"));
    }
    List<Warning> warnings = new ArrayList<>();
    Set<String> expected = new LinkedHashSet<>(selection.paths());
    if (!expected.equals(new LinkedHashSet<>(registered))) {
      warnings.add(new Warning(Warning.Code.REGISTERED_DISKS_DIFFER, "MGN registered the disks " + registered + " for " + id
          + " but the selection was " + List.copyOf(expected) + "; check them before replicating"));
    }
    return new Confirmation(registered, warnings);
  }

  private static List<Warning> unconfirmed(String message) {
    return List.of(new Warning(Warning.Code.REGISTRATION_UNCONFIRMED, message));
  }

  private List<String> disksOf(SourceServerId id) {
    List<SourceServer> servers = client.describeSourceServers(
        r -> r.filters(f -> f.sourceServerIDs(id.value()))).items();
    if (servers.isEmpty() || servers.get(0).sourceProperties() == null
        || !servers.get(0).sourceProperties().hasDisks()) {
      return List.of();
    }
    return servers.get(0).sourceProperties().disks().stream().map(Disk::deviceName).toList();
  }
}
