package dev.mgnagent.disk.internal;

import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandResult;
import dev.mgnagent.host.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the inventory from sysfs and mountinfo under a host's root. When the root is on this
 * machine's file system, the files are read one by one ({@link SysfsReader}); when it is elsewhere
 * (a remote host's SFTP file system, where every file costs round trips), one command run on the
 * host prints them all ({@link SysfsDump}), and the files are read one by one only when that
 * command cannot run there or prints something unexpected.
 */
public final class DefaultDiskInventory implements DiskInventory {

  /** How long the one command that reads a remote host's devices may take. */
  static final Duration REMOTE_READ_TIMEOUT = Duration.ofSeconds(60);

  private final Host host;

  public DefaultDiskInventory(Host host) {
    this.host = Objects.requireNonNull(host, "host");
  }

  @Override
  public Inventory read() {
    Path root = host.root();
    DevicePathResolver resolver = new DevicePathResolver(root);
    if (root.getFileSystem() != FileSystems.getDefault()) {
      Optional<SysfsDump.Result> dump = readInOneCommand(host);
      if (dump.isPresent()) {
        return new InventoryAssembler(resolver::kernelName)
            .assemble(dump.get().devices(), dump.get().mountInfo(), dump.get().mountInfoProblem());
      }
    }
    return readFileByFile(root, resolver);
  }

  /** The unbatched way: each file read on its own (also the reference the batched way matches). */
  static Inventory readFileByFile(Path root, DevicePathResolver resolver) {
    SysfsReader reader = new SysfsReader(root);
    List<RawBlockDevice> devices = reader.readBlockDevices();
    Optional<String> mountInfo;
    String problem = "";
    try {
      mountInfo = Optional.of(reader.readMountInfo());
    } catch (NoSuchFileException e) {
      mountInfo = Optional.empty();
      problem = "proc/self/mountinfo does not exist";
    } catch (IOException e) {
      mountInfo = Optional.empty();
      problem = "proc/self/mountinfo could not be read";
    }
    return new InventoryAssembler(resolver::kernelName).assemble(devices, mountInfo, problem);
  }

  /** Runs {@link SysfsDump#SCRIPT} on the host; empty when it cannot run or prints nonsense. */
  static Optional<SysfsDump.Result> readInOneCommand(Host host) {
    Command command =
        Command.of("sh", "-c", SysfsDump.SCRIPT, "mgn-agent-inventory", host.root().toString())
            .withEnvironment(Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
    try {
      CommandResult result = CommandResult.run(host.commandRunner(), command, REMOTE_READ_TIMEOUT);
      if (result.exitCode().isEmpty() || result.exitCode().getAsInt() != 0) {
        return Optional.empty();
      }
      return Optional.of(SysfsDump.parse(result.stdout()));
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (RuntimeException e) {
      // a host that cannot run commands (sudo refused, connection lost): read file by file,
      // which reports what is wrong with the files themselves
      return Optional.empty();
    }
  }
}
