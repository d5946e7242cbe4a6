package dev.mgnagent.host.ssh;

import dev.mgnagent.InvalidRequestException;
import java.util.Objects;

/**
 * Where to log in: a host name or address, a port (22 unless given) and a user name.
 *
 * @param host the host name or IP address (an IPv6 address without brackets)
 * @param port the TCP port, 1 to 65535
 * @param user the remote user name
 */
public record SshTarget(String host, int port, String user) {

  /** The SSH port used when none is given. */
  public static final int DEFAULT_PORT = 22;

  public SshTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
      throw new InvalidRequestException("host", "'" + host + "' is not a host name or address");
    }
    if (user.isEmpty() || user.chars().anyMatch(c -> c <= ' ' || c == '@' || c == ':')) {
      throw new InvalidRequestException("user", "'" + user + "' is not a user name");
    }
    if (port < 1 || port > 65535) {
      throw new InvalidRequestException("port", "the port must be 1 to 65535, not " + port);
    }
  }

  /** {@code user} on {@code host}, port 22. */
  public static SshTarget of(String user, String host) {
    return new SshTarget(host, DEFAULT_PORT, user);
  }

  /**
   * Parses {@code user@host}, {@code user@host:port} or {@code user@[v6-address]:port}.
   *
   * @throws InvalidRequestException naming what is wrong, in one line
   */
  public static SshTarget parse(String text) {
    Objects.requireNonNull(text, "text");
    int at = text.lastIndexOf('@');
    if (at <= 0 || at == text.length() - 1) {
      throw new InvalidRequestException(
          "target", "'" + text + "' is not user@host or user@host:port");
    }
    String user = text.substring(0, at);
    String rest = text.substring(at + 1);
    String host = rest;
    int port = DEFAULT_PORT;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw new InvalidRequestException("target", "'" + text + "' has no closing ']'");
      }
      host = rest.substring(1, close);
      String after = rest.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw new InvalidRequestException("target", "'" + text + "': ':port' must follow ']'");
        }
        port = port(after.substring(1), text);
      }
    } else {
      int colon = rest.indexOf(':');
      if (colon >= 0 && colon == rest.lastIndexOf(':')) {
        host = rest.substring(0, colon);
        port = port(rest.substring(colon + 1), text);
      }
    }
    return new SshTarget(host, port, user);
  }

  /**
   * Parses {@code [user@]host[:port]} as OpenSSH's {@code ProxyJump} takes a jump host: as {@link
   * #parse(String)}, with {@code defaultUser} when no user is given.
   *
   * @throws InvalidRequestException naming what is wrong, in one line
   */
  public static SshTarget parse(String text, String defaultUser) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(defaultUser, "defaultUser");
    return parse(text.indexOf('@') >= 0 ? text : defaultUser + "@" + text);
  }

  private static int port(String digits, String text) {
    if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
      throw new InvalidRequestException("target", "'" + text + "': the port must be a number");
    }
    return Integer.parseInt(digits);
  }

  /** The {@code known_hosts} name of this host: {@code host}, or {@code [host]:port} off 22. */
  public String knownHostsName() {
    return port == DEFAULT_PORT ? host : "[" + host + "]:" + port;
  }

  @Override
  public String toString() {
    return user
        + "@"
        + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
        + (port == DEFAULT_PORT ? "" : ":" + port);
  }
}
