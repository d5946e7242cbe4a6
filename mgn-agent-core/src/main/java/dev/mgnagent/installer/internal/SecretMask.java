package dev.mgnagent.installer.internal;

import java.util.List;

/** Replaces known secret values with {@code ****} in any text the installer produced. */
final class SecretMask {

  static final String MASK = "****";

  private final List<String> secrets;

  SecretMask(List<String> secrets) {
    this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
  }

  String apply(String text) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
