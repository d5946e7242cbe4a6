package dev.mgnagent.preflight.internal;

import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Everything a check may consult: the host, the request, probe results and the MGN call. */
public final class CheckContext {

  private final HostView host;
  private final Settings settings;
  private final Supplier<Inventory> inventory;
  private final NetworkProber prober;
  private final CompletableFuture<PreflightCheck.Verdict> credentials;
  private final CompletableFuture<Void> credentialsCallStarted;
  private Inventory cachedInventory;
  private RuntimeException inventoryError;

  public CheckContext(
      Host host,
      HostView view,
      Settings settings,
      NetworkProber prober,
      CompletableFuture<PreflightCheck.Verdict> credentials,
      CompletableFuture<Void> credentialsCallStarted,
      Optional<Inventory> knownInventory) {
    this.host = view;
    this.cachedInventory = knownInventory.orElse(null);
    this.settings = settings;
    this.inventory = () -> DiskInventory.of(host).read();
    this.prober = prober;
    this.credentials = credentials;
    this.credentialsCallStarted = credentialsCallStarted;
  }

  public HostView host() {
    return host;
  }

  public Settings settings() {
    return settings;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(settings.clock().instant(), ZoneOffset.UTC);
  }

  /** The disk inventory, read once; empty with {@link #inventoryError()} if it cannot be read. */
  public synchronized Optional<Inventory> inventory() {
    if (cachedInventory == null && inventoryError == null) {
      try {
        cachedInventory = inventory.get();
      } catch (RuntimeException e) {
        inventoryError = e;
      }
    }
    return Optional.ofNullable(cachedInventory);
  }

  public synchronized String inventoryError() {
    return inventoryError == null ? "" : String.valueOf(inventoryError.getMessage());
  }

  /** The results of the probes of one check, in the order they were planned. */
  public List<ProbeResult> probes(String group) {
    return prober.targets().stream()
        .filter(t -> t.group().equals(group))
        .map(prober::result)
        .toList();
  }

  private static final long CLIENT_BUILD_LIMIT_SECONDS = 60;

  /** The verdict of the MGN call, started before the local checks ran. */
  public PreflightCheck.Verdict credentialsVerdict() {
    long waitMillis = settings.probeTimeout().multipliedBy(2).toMillis() + 2000;
    try {
      // the time limit is for MGN's answer: building the client does no I/O, but on a busy machine
      // it can take longer than the answer may
      CompletableFuture.anyOf(credentialsCallStarted, credentials)
          .get(CLIENT_BUILD_LIMIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
      return credentials.get(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return PreflightCheck.Verdict.fail(
          "MGN did not answer DescribeSourceServers within " + waitMillis + " ms",
          "check that this server reaches the MGN endpoint on TCP 443");
    } catch (java.util.concurrent.ExecutionException e) {
      return PreflightCheck.Verdict.fail(
          "the MGN call failed: " + e.getCause(), "check the region, endpoint and credentials");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PreflightCheck.Verdict.fail("interrupted while waiting for MGN", "run it again");
    }
  }
}
