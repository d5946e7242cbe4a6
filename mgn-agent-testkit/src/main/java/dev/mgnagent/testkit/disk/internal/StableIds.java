package dev.mgnagent.testkit.disk.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic identifiers (LVM, md and LUKS uuids) derived from a seed, so the same builder calls
 * always produce the same tree.
 */
public final class StableIds {

  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private StableIds() {}

  /** {@code length} characters from {@code [A-Za-z0-9]}, as LVM uses in its uuids. */
  public static String alphanumeric(String seed, int length) {
    byte[] bytes = bytes(seed, length);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALNUM.charAt((bytes[i] & 0xff) % ALNUM.length()));
    }
    return out.toString();
  }

  /** {@code length} lower-case hex digits. */
  public static String hex(String seed, int length) {
    byte[] bytes = bytes(seed, (length + 1) / 2);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; out.length() < length; i++) {
      out.append(String.format("%02x", bytes[i] & 0xff));
    }
    return out.substring(0, length);
  }

  /** An LVM physical volume uuid as {@code pvs} prints it ({@code xxxxxx-xxxx-...-xxxxxx}). */
  public static String lvmPvUuid(String seed) {
    String id = alphanumeric(seed, 32);
    return String.join(
        "-",
        id.substring(0, 6),
        id.substring(6, 10),
        id.substring(10, 14),
        id.substring(14, 18),
        id.substring(18, 22),
        id.substring(22, 26),
        id.substring(26));
  }

  /** A uuid in the usual 8-4-4-4-12 form. */
  public static String uuid(String seed) {
    String h = hex(seed, 32);
    return String.join(
        "-",
        h.substring(0, 8),
        h.substring(8, 12),
        h.substring(12, 16),
        h.substring(16, 20),
        h.substring(20));
  }

  /** An md array uuid as mdadm prints it ({@code 8:8:8:8} hex). */
  public static String mdUuid(String seed) {
    String h = hex(seed, 32);
    return String.join(
        ":", h.substring(0, 8), h.substring(8, 16), h.substring(16, 24), h.substring(24));
  }

  private static byte[] bytes(String seed, int length) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] out = new byte[length];
      int filled = 0;
      for (int round = 0; filled < length; round++) {
        byte[] block = sha.digest((round + "/" + seed).getBytes(StandardCharsets.UTF_8));
        int n = Math.min(block.length, length - filled);
        System.arraycopy(block, 0, out, filled, n);
        filled += n;
      }
      return out;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
