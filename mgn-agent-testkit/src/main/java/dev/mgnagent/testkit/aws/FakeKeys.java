package dev.mgnagent.testkit.aws;

import java.security.SecureRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/** Random key pairs and IDs, and the builder checks the fakes of this package share. */
final class FakeKeys {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String BASE64ISH =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String HEX = "0123456789abcdef";

  private FakeKeys() {}

  static AwsBasicCredentials basic() {
    return AwsBasicCredentials.create("AKIA" + upperAlnum(16), pick(BASE64ISH, 40));
  }

  static String upperAlnum(int n) {
    return pick(UPPER, n);
  }

  static String base64ish(int n) {
    return pick(BASE64ISH, n);
  }

  static String hex(int n) {
    return pick(HEX, n);
  }

  private static String pick(String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  static String requireAccountId(String accountId) {
    if (accountId == null || !accountId.matches("[0-9]{12}")) {
      throw new IllegalArgumentException("an account ID is 12 digits: " + accountId);
    }
    return accountId;
  }

  static int requirePort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("bad port " + port);
    }
    return port;
  }
}
