package dev.mgnagent;

import java.util.Locale;

/**
 * Decides, without a DNS lookup, whether a host names this machine's loopback interface: a literal
 * 127.0.0.0/8 address, {@code ::1} (with or without brackets, in any spelling) or {@code
 * localhost}. Plain {@code http://} is accepted only for such hosts.
 */
public final class Loopback {

  private Loopback() {}

  public static boolean isLoopbackHost(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("localhost.")) {
      return true;
    }
    if (h.contains(":")) {
      return isIpv6Loopback(h);
    }
    return isIpv4Loopback(h);
  }

  private static boolean isIpv4Loopback(String h) {
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return Integer.parseInt(parts[0]) == 127;
  }

  /** {@code ::1} in any valid spelling, such as {@code 0:0:0:0:0:0:0:1} or {@code ::0:1}. */
  private static boolean isIpv6Loopback(String h) {
    if (!h.matches("[0-9a-f:]+") || h.indexOf("::") != h.lastIndexOf("::")) {
      return false;
    }
    String[] halves = h.split("::", -1);
    String[] head = groups(halves[0]);
    String[] tail = halves.length == 2 ? groups(halves[1]) : new String[0];
    int explicit = head.length + tail.length;
    if ((halves.length == 1 && explicit != 8) || explicit > 8) {
      return false;
    }
    String[] all = new String[8];
    java.util.Arrays.fill(all, "0");
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    for (int i = 0; i < 8; i++) {
      if (all[i].isEmpty() || all[i].length() > 4) {
        return false;
      }
      int value = Integer.parseInt(all[i], 16);
      if (value != (i == 7 ? 1 : 0)) {
        return false;
      }
    }
    return true;
  }

  private static String[] groups(String part) {
    return part.isEmpty() ? new String[0] : part.split(":", -1);
  }
}
