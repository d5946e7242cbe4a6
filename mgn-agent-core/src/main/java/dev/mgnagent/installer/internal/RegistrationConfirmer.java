package dev.mgnagent.installer.internal;

import dev.mgnagent.MgnAgentException;
import dev.mgnagent.Sleeper;
import dev.mgnagent.Warning;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.selection.Selection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.AccessDeniedException;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfoReplicatedDisk;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * The "perform a test after installing the Agent to ensure that the correct disks have been added",
 * automated: waits until MGN reports the disks it replicates for the new server ({@code
 * dataReplicationInfo.replicatedDisks}) and compares them with the selection, each name resolved
 * through the host's {@code /dev} aliases to a disk of the inventory ({@code /dev/xvda} and {@code
 * /dev/nvme0n1} are one disk). A host disk that was not selected is no concern (the agent reports
 * every disk in {@code sourceProperties.disks}); a disk selected but not replicated, or replicated
 * but not selected, is a warning naming it. Never fails the installation: whatever it cannot check
 * becomes a warning.
 */
final class RegistrationConfirmer {

  /** What the confirmation found. */
  record Confirmation(List<String> registeredDisks, List<Warning> warnings) {}

  private final MgnClient client;
  private final Duration interval;
  private final int attempts;
  private final Sleeper sleeper;

  private final Supplier<Function<String, String>> diskResolver;

  /**
   * @param diskResolver gives, for one confirmation, the disk (kernel name) a device path leads to
   *     on the host, or the path itself when it leads to none; one resolver serves every path of a
   *     confirmation, so it may read the host's disks once
   */
  RegistrationConfirmer(
      MgnClient client,
      Duration interval,
      int attempts,
      Sleeper sleeper,
      Supplier<Function<String, String>> diskResolver) {
    this.client = client;
    this.diskResolver = diskResolver;
    this.interval = interval;
    this.attempts = attempts;
    this.sleeper = sleeper;
  }

  Confirmation confirm(SourceServerId id, Selection selection) {
    List<String> registered = List.of();
    boolean listed = false;
    try {
      for (int attempt = 1; attempt <= attempts && registered.isEmpty(); attempt++) {
        Optional<List<String>> disks = disksOf(id);
        listed |= disks.isPresent();
        registered = disks.orElse(List.of());
        if (registered.isEmpty() && attempt < attempts) {
          sleeper.sleep(interval);
        }
      }
    } catch (AccessDeniedException e) {
      return new Confirmation(
          List.of(),
          unconfirmed(
              "the registration of "
                  + id
                  + " was not"
                  + " confirmed: these credentials may not call DescribeSourceServers (installation-policy"
                  + " keys cannot); give service credentials to check the registered disks"));
    } catch (SdkException e) {
      return new Confirmation(
          List.of(),
          unconfirmed("the registration of " + id + " was not" + " confirmed: " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Confirmation(
          List.of(), unconfirmed("the confirmation of " + id + " was interrupted"));
    }
    if (!listed) {
      // the credentials may list source servers and MGN has never heard of this one: the
      // installer's success is not MGN's (a stand-in installer, another account or region)
      throw new MgnAgentException(
          "the installer reported source server "
              + id
              + " but MGN"
              + " never listed it after "
              + attempts
              + " checks; check that the installer was the"
              + " real one, that it used this account and region, and the MGN endpoint"
              + " ('mgn-agent status' lists the account's servers)");
    }
    if (registered.isEmpty()) {
      return new Confirmation(
          List.of(),
          unconfirmed(
              "MGN has not reported the disks of "
                  + id
                  + " after "
                  + attempts
                  + " checks; look again with 'mgn-agent status'"));
    }
    List<Warning> warnings = new ArrayList<>();
    Function<String, String> diskOf = diskResolver.get();
    Map<String, String> selected = new LinkedHashMap<>();
    selection.paths().forEach(p -> selected.putIfAbsent(diskOf.apply(p), p));
    Map<String, String> replicated = new LinkedHashMap<>();
    registered.forEach(p -> replicated.putIfAbsent(diskOf.apply(p), p));
    List<String> notReplicated =
        selected.entrySet().stream()
            .filter(e -> !replicated.containsKey(e.getKey()))
            .map(Map.Entry::getValue)
            .toList();
    List<String> notSelected =
        replicated.entrySet().stream()
            .filter(e -> !selected.containsKey(e.getKey()))
            .map(Map.Entry::getValue)
            .toList();
    if (!notReplicated.isEmpty() || !notSelected.isEmpty()) {
      warnings.add(
          new Warning(
              Warning.Code.REGISTERED_DISKS_DIFFER,
              "MGN replicates the disks "
                  + registered
                  + " for "
                  + id
                  + " but the selection"
                  + " was "
                  + selection.paths()
                  + (notReplicated.isEmpty()
                      ? ""
                      : "; selected but not replicated: " + notReplicated)
                  + (notSelected.isEmpty() ? "" : "; replicated but not selected: " + notSelected)
                  + "; check them before replicating"));
    }
    return new Confirmation(registered, warnings);
  }

  private static List<Warning> unconfirmed(String message) {
    return List.of(new Warning(Warning.Code.REGISTRATION_UNCONFIRMED, message));
  }

  /** The server's replicated disks (possibly none yet), or empty when MGN does not list it. */
  private Optional<List<String>> disksOf(SourceServerId id) {
    List<SourceServer> servers =
        client.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(id.value()))).items();
    if (servers.isEmpty()) {
      return Optional.empty();
    }
    if (servers.get(0).dataReplicationInfo() == null
        || !servers.get(0).dataReplicationInfo().hasReplicatedDisks()) {
      return Optional.of(List.of());
    }
    return Optional.of(
        servers.get(0).dataReplicationInfo().replicatedDisks().stream()
            .map(DataReplicationInfoReplicatedDisk::deviceName)
            .toList());
  }
}
