package dev.mgnagent.testkit.mgn.internal;

import java.security.SecureRandom;

/** Random identifiers and keys in the shapes AWS uses. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String HEX = "0123456789abcdef";
  private static final String KEY_ID = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String SECRET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private Ids() {}

  private static String random(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** {@code prefix} followed by 17 lowercase hex digits, like {@code s-...}, {@code rct-...}. */
  public static String resourceId(String prefix) {
    return prefix + random(HEX, 17);
  }

  /** An access key ID: {@code prefix} ({@code AKIA} or {@code ASIA}) and 16 base-32 characters. */
  public static String accessKeyId(String prefix) {
    return prefix + random(KEY_ID, 16);
  }

  /** A 40-character secret access key. */
  public static String secretAccessKey() {
    return random(SECRET, 40);
  }
}
