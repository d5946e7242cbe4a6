package dev.mgnagent.preflight.internal;

import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.preflight.FileSystemSpace;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.preflight.PreflightReport;
import dev.mgnagent.preflight.PreflightSettings;
import dev.mgnagent.preflight.TcpConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/** {@link Preflight}: every check of {@link AllChecks} against one host. */
public final class DefaultPreflight implements Preflight {

  private final Host host;
  private final Settings settings;
  private final Optional<Inventory> inventory;

  private DefaultPreflight(Host host, Settings settings, Optional<Inventory> inventory) {
    this.host = host;
    this.settings = settings;
    this.inventory = inventory;
  }

  /** The preflight of {@code host}; {@code space} may be null for the default measure. */
  public static Preflight create(
      Host host,
      PreflightSettings settings,
      FileSystemSpace space,
      Clock clock,
      TcpConnector connector) {
    return create(host, settings, space, clock, connector, Optional.empty());
  }

  /** As above; the disk checks use {@code inventory} when given instead of reading the host. */
  public static Preflight create(
      Host host,
      PreflightSettings settings,
      FileSystemSpace space,
      Clock clock,
      TcpConnector connector,
      Optional<Inventory> inventory) {
    FileSystemSpace measured = space;
    String noSpace = "";
    if (measured == null && isWholeRoot(host.root())) {
      measured = FileSystemSpace.statvfs(host.root());
    } else if (measured == null) {
      noSpace =
          "free space was not measured: the free space of the tree "
              + host.root()
              + " is not the host's";
    }
    return new DefaultPreflight(
        host,
        new Settings(
            settings.region().map(Region::id),
            settings.endpoint(),
            settings.s3Endpoint(),
            settings.replicationServer(),
            settings.flavor(),
            settings.credentialsProvider(),
            settings.mgnClient(),
            Optional.ofNullable(measured),
            noSpace,
            clock,
            settings.probeTimeout(),
            connector),
        inventory);
  }

  @Override
  public PreflightReport run() {
    return AllChecks.run(host, new HostView(host, noCommandsReason(host)), settings, inventory);
  }

  private static Optional<String> noCommandsReason(Host host) {
    if (host instanceof LocalHost && !isWholeRoot(host.root())) {
      return Optional.of(
          "the host root "
              + host.root()
              + " is a tree, and commands would run on"
              + " this machine instead of that host");
    }
    return Optional.empty();
  }

  /**
   * Whether {@code root} is the whole {@code /} of its file system (this machine's, or a remote
   * host's SFTP one). Compared as text: a path of another provider may refuse {@code equals}.
   */
  private static boolean isWholeRoot(Path root) {
    return root.isAbsolute() && root.getNameCount() == 0;
  }
}
