package dev.mgnagent.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Shown;
import dev.mgnagent.Tags;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One server of a fleet: how to reach it (address, port, login user, identity file) and what is
 * particular to it (tags, disks to replicate, a user-provided ID), which override the fleet's
 * shared install settings. Immutable; {@link Builder#build()} checks every value.
 *
 * <pre>{@code
 * FleetHost web = FleetHost.builder().address("10.0.0.12").user("ec2-user")
 *     .tags(Tags.builder().add("app", "web").build()).build();
 * }</pre>
 *
 * <p>An absent port, user or identity means the transport's default (for SSH: port 22, the
 * fleet-wide user, the fleet-wide keys).
 */
public final class FleetHost {

  /** A host name, an IPv4 address, or an IPv6 address (bare or in brackets). */
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._-]{1,253}|\\[?[0-9A-Fa-f:.%]{2,64}]?");

  /** A POSIX login name, as {@code useradd} accepts it. */
  private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?");

  /** The longest user-provided ID and device list accepted. */
  static final int MAX_TEXT = 256;

  private final String address;
  private final OptionalInt port;
  private final Optional<String> user;
  private final Optional<Path> identity;
  private final Tags tags;
  private final Optional<String> devices;
  private final Optional<String> userProvidedId;
  private final Optional<String> jump;

  private FleetHost(Builder b) {
    this.address = b.address;
    this.port = b.port == 0 ? OptionalInt.empty() : OptionalInt.of(b.port);
    this.user = Optional.ofNullable(b.user);
    this.identity = Optional.ofNullable(b.identity);
    this.tags = b.tags;
    this.devices = Optional.ofNullable(b.devices);
    this.userProvidedId = Optional.ofNullable(b.userProvidedId);
    this.jump = Optional.ofNullable(b.jump);
  }

  /** A builder; only {@link Builder#address(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A host reached at {@code address} with every default. */
  public static FleetHost of(String address) {
    return builder().address(address).build();
  }

  /** The host name or IP address to connect to; it also names the host in results and events. */
  public String address() {
    return address;
  }

  /** The port to connect to; empty for the transport's default. */
  public OptionalInt port() {
    return port;
  }

  /** The user to log in as; empty for the fleet-wide one. */
  public Optional<String> user() {
    return user;
  }

  /** The private key file to log in with; empty for the fleet-wide ones. */
  public Optional<Path> identity() {
    return identity;
  }

  /** Tags for this host's source server, added to the fleet's (this host's win on a same key). */
  public Tags tags() {
    return tags;
  }

  /** This host's disks to replicate (the installer's {@code --devices}); empty for the fleet's. */
  public Optional<String> devices() {
    return devices;
  }

  /** This host's own ID for its source server. */
  public Optional<String> userProvidedId() {
    return userProvidedId;
  }

  /**
   * The jump host this host is reached through, {@code [user@]host[:port]} as OpenSSH's {@code
   * ProxyJump} takes it; empty for the fleet-wide one (or none).
   */
  public Optional<String> jump() {
    return jump;
  }

  /**
   * This host reached through {@code jump} ({@code [user@]host[:port]}) unless it names a jump host
   * of its own: how a fleet-wide jump host applies to an inventory.
   *
   * @throws InvalidRequestException when {@code jump} is not {@code [user@]host[:port]}
   */
  public FleetHost withDefaultJump(String jump) {
    Builder b = new Builder();
    b.jump(jump);
    if (this.jump.isPresent()) {
      return this;
    }
    b.address = address;
    b.port = port.orElse(0);
    b.user = user.orElse(null);
    b.identity = identity.orElse(null);
    b.tags = tags;
    b.devices = devices.orElse(null);
    b.userProvidedId = userProvidedId.orElse(null);
    return b.build();
  }

  /** Equal when every value is. */
  @Override
  public boolean equals(Object o) {
    return o instanceof FleetHost h
        && address.equals(h.address)
        && port.equals(h.port)
        && user.equals(h.user)
        && identity.equals(h.identity)
        && tags.equals(h.tags)
        && devices.equals(h.devices)
        && userProvidedId.equals(h.userProvidedId)
        && jump.equals(h.jump);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, port, user, identity, tags, devices, userProvidedId, jump);
  }

  /** {@code user@address:port}, as far as they are given. */
  @Override
  public String toString() {
    return user.map(u -> u + "@").orElse("")
        + address
        + (port.isPresent() ? ":" + port.getAsInt() : "");
  }

  /** Collects a {@link FleetHost}'s values; each setter checks its value. Not thread-safe. */
  public static final class Builder {
    private String address;
    private int port;
    private String user;
    private Path identity;
    private Tags tags = Tags.empty();
    private String devices;
    private String userProvidedId;
    private String jump;

    private Builder() {}

    /** The host name or IP address (required). */
    public Builder address(String address) {
      Objects.requireNonNull(address, "address");
      if (!ADDRESS.matcher(address).matches() || address.startsWith("-")) {
        throw invalid(
            "address",
            "the address "
                + Shown.quoted(address)
                + " is not a host name or an IP address (letters, digits, . - _ and : only, not"
                + " starting with -)");
      }
      this.address = address;
      return this;
    }

    /** The port, 1 to 65535 (default: the transport's). */
    public Builder port(int port) {
      if (port < 1 || port > 65_535) {
        throw invalid("port", "the port " + port + " is not between 1 and 65535");
      }
      this.port = port;
      return this;
    }

    /** The user to log in as (a POSIX login name). */
    public Builder user(String user) {
      Objects.requireNonNull(user, "user");
      if (!USER.matcher(user).matches()) {
        throw invalid(
            "user",
            "the user "
                + Shown.quoted(user)
                + " is not a login name (a letter or _, then up to 31 letters, digits, _ . -)");
      }
      this.user = user;
      return this;
    }

    /** The private key file to log in with. */
    public Builder identity(Path identity) {
      Objects.requireNonNull(identity, "identity");
      if (identity.toString().isEmpty()) {
        throw invalid("identity", "the identity file name is empty");
      }
      this.identity = identity;
      return this;
    }

    /** The identity file named by {@code path}. */
    public Builder identity(String path) {
      Objects.requireNonNull(path, "path");
      if (path.isEmpty() || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw invalid(
            "identity", "the identity file name " + Shown.quoted(path) + " is not usable");
      }
      try {
        return identity(Path.of(path));
      } catch (InvalidPathException e) {
        throw invalid(
            "identity", "the identity file name " + Shown.quoted(path) + " is not usable");
      }
    }

    /** This host's tags (default: none). */
    public Builder tags(Tags tags) {
      this.tags = Objects.requireNonNull(tags, "tags");
      return this;
    }

    /** This host's disks to replicate, comma-separated, as the installer takes them. */
    public Builder devices(String devices) {
      Objects.requireNonNull(devices, "devices");
      if (devices.isBlank() || devices.length() > MAX_TEXT || !Shown.isPrintableAscii(devices)) {
        throw invalid(
            "devices",
            "the devices "
                + Shown.quoted(devices)
                + " are not a list of disk paths (one line of printable ASCII, at most "
                + MAX_TEXT
                + " characters)");
      }
      this.devices = devices;
      return this;
    }

    /** This host's own ID for its source server (one line of printable ASCII). */
    public Builder userProvidedId(String userProvidedId) {
      Objects.requireNonNull(userProvidedId, "userProvidedId");
      if (userProvidedId.isEmpty()
          || userProvidedId.length() > MAX_TEXT
          || !Shown.isPrintableAscii(userProvidedId)) {
        throw invalid(
            "userProvidedId",
            "the user-provided ID "
                + Shown.quoted(userProvidedId)
                + " must be one line of printable ASCII, 1 to "
                + MAX_TEXT
                + " characters");
      }
      this.userProvidedId = userProvidedId;
      return this;
    }

    /**
     * The jump host to reach this host through: {@code [user@]host[:port]}, one hop (a list of hops
     * separated by commas is refused).
     */
    public Builder jump(String jump) {
      Objects.requireNonNull(jump, "jump");
      if (!isJump(jump)) {
        throw invalid(
            "jump",
            "the jump host "
                + Shown.quoted(jump)
                + " is not [user@]host[:port]"
                + (jump.indexOf(',') >= 0
                    ? " (one jump host only: chains are not supported)"
                    : ""));
      }
      this.jump = jump;
      return this;
    }

    private static boolean isJump(String text) {
      String rest = text;
      int at = text.lastIndexOf('@');
      if (at >= 0) {
        if (!USER.matcher(text.substring(0, at)).matches()) {
          return false;
        }
        rest = text.substring(at + 1);
      }
      String host = rest;
      String port = null;
      if (rest.startsWith("[")) {
        int close = rest.indexOf(']');
        if (close < 0) {
          return false;
        }
        host = rest.substring(1, close);
        String after = rest.substring(close + 1);
        if (!after.isEmpty()) {
          if (!after.startsWith(":")) {
            return false;
          }
          port = after.substring(1);
        }
      } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
        host = rest.substring(0, rest.indexOf(':'));
        port = rest.substring(rest.indexOf(':') + 1);
      }
      if (host.isEmpty() || host.startsWith("-") || !ADDRESS.matcher(host).matches()) {
        return false;
      }
      if (port != null) {
        if (!port.matches("[0-9]{1,5}")) {
          return false;
        }
        int n = Integer.parseInt(port);
        return n >= 1 && n <= 65_535;
      }
      return true;
    }

    /**
     * The host.
     *
     * @throws InvalidRequestException when no address was given
     */
    public FleetHost build() {
      if (address == null) {
        throw invalid("address", "a fleet host needs an address");
      }
      return new FleetHost(this);
    }

    private static InvalidRequestException invalid(String parameter, String message) {
      return new InvalidRequestException(parameter, message);
    }
  }
}
