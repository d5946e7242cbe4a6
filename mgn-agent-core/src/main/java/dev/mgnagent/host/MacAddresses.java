package dev.mgnagent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host's MAC addresses, from {@code sys/class/net/<interface>/address} under the host's root
 * (the loopback and all-zero addresses left out): what MGN identifies a source server by. MGN shows
 * a MAC as {@code 0A-40-F1-E8-B2-2D} where the kernel writes {@code 0a:40:f1:e8:b2:2d}; {@link
 * #normalize(String)} makes both comparable.
 */
public final class MacAddresses {

  private static final Pattern MAC =
      Pattern.compile("[0-9a-f]{2}([:-]?[0-9a-f]{2}){5}", Pattern.CASE_INSENSITIVE);

  private MacAddresses() {}

  /** The host's MACs, normalized, in interface-name order; empty when none can be read. */
  public static List<String> of(Host host) {
    Path net = host.root().resolve("sys/class/net");
    List<String> macs = new ArrayList<>();
    if (!Files.isDirectory(net)) {
      return macs;
    }
    try (Stream<Path> nics = Files.list(net)) {
      for (Path nic : nics.sorted().toList()) {
        Path address = nic.resolve("address");
        if (nic.getFileName().toString().equals("lo")
            || !Files.isRegularFile(address)
            || Files.size(address) > 256) {
          continue;
        }
        normalize(Files.readString(address))
            .filter(m -> !m.equals("000000000000"))
            .filter(m -> !macs.contains(m))
            .ifPresent(macs::add);
      }
    } catch (IOException e) {
      // unreadable: what was read so far
    }
    return macs;
  }

  /**
   * A MAC as twelve lower-case hex digits ({@code 0a40f1e8b22d}), from the kernel's form, MGN's
   * form or bare hex; empty for anything else (such as an InfiniBand address).
   */
  public static Optional<String> normalize(String mac) {
    String text = mac == null ? "" : mac.strip();
    if (!MAC.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(text.replace(":", "").replace("-", "").toLowerCase(Locale.ROOT));
  }
}
