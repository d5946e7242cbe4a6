package dev.mgnagent.preflight.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MGN's supported Linux table and its scheduled end-of-support dates (from MGN's documentation),
 * keyed by {@code os-release} {@code ID} and {@code VERSION_ID}.
 */
final class OsSupport {

  /** A supported range (inclusive) of one distribution, with its end of support when scheduled. */
  record Range(String id, String name, String from, String to, Optional<LocalDate> endOfSupport) {}

  /** What the table says about one OS version. */
  record Support(boolean listed, String name, Optional<LocalDate> endOfSupport) {}

  private static final List<Range> TABLE = new ArrayList<>();

  static {
    // Amazon Linux 1 reports VERSION_ID as a date, such as 2018.03.
    add("amzn", "Amazon Linux 1", "2011", "2018.99", "2026-11-20");
    add("amzn", "Amazon Linux 2", "2", "2", null);
    add("amzn", "Amazon Linux 2023", "2023", "2023", null);
    add("rhel", "RHEL 6", "6.0", "6.99", "2026-12-30");
    add("rhel", "RHEL", "7", "9.8", null);
    add("rhel", "RHEL", "10", "10.1", null);
    add("centos", "CentOS 6", "6.0", "6.99", "2026-08-28");
    add("centos", "CentOS 7", "7", "7.99", "2026-11-20");
    add("centos", "CentOS 8", "8", "8.0", "2026-12-30");
    add("centos", "CentOS Stream", "9", "10", null);
    add("ol", "Oracle Linux 6", "6.0", "6.99", "2026-08-28");
    add("ol", "Oracle Linux", "7", "7.8", null);
    add("ol", "Oracle Linux", "8.5", "8.9", null);
    add("ol", "Oracle Linux", "9.0", "9.4", null);
    add("ol", "Oracle Linux", "9.7", "9.7", null);
    add("ol", "Oracle Linux", "10.1", "10.1", null);
    add("rocky", "Rocky Linux", "8", "9.8", null);
    add("rocky", "Rocky Linux", "10", "10.1", null);
    add("sles", "SLES 11", "11.4", "11.99", "2026-08-28");
    add("sles", "SLES", "12", "15.7", null);
    add("ubuntu", "Ubuntu 12.04", "12.04", "12.04", "2026-08-20");
    add("ubuntu", "Ubuntu 14.04", "14.04", "14.04", "2026-12-20");
    add("ubuntu", "Ubuntu", "12.05", "13.99", null);
    add("ubuntu", "Ubuntu", "14.05", "24.04", null);
    add("debian", "Debian 10", "10", "10.99", "2026-12-30");
    add("debian", "Debian 11", "11", "11.99", null);
    add("almalinux", "AlmaLinux", "9.6", "9.8", null);
    add("almalinux", "AlmaLinux", "10", "10.1", null);
  }

  private OsSupport() {}

  private static void add(String id, String name, String from, String to, String end) {
    TABLE.add(new Range(id, name, from, to, Optional.ofNullable(end).map(LocalDate::parse)));
  }

  /** The table's entry for {@code id} and {@code versionId}. */
  static Support lookup(String id, String versionId) {
    for (Range r : TABLE) {
      if (r.id().equals(id)
          && compare(versionId, r.from()) >= 0
          && compare(versionId, r.to()) <= 0) {
        return new Support(true, r.name(), r.endOfSupport());
      }
    }
    return new Support(false, id + " " + versionId, Optional.empty());
  }

  /** Compares dotted versions numerically, missing parts as 0; non-numbers sort first. */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? number(x[i]) : 0;
      long q = i < y.length ? number(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }

  private static long number(String part) {
    String digits = part.replaceAll("[^0-9].*$", "");
    return digits.isEmpty() ? -1 : Long.parseLong(digits);
  }

  /** {@code KEY=value} lines of {@code os-release}, quotes removed. */
  static Map<String, String> parseOsRelease(String text) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        String v = line.substring(eq + 1).trim();
        if (v.length() >= 2
            && (v.startsWith("\"") || v.startsWith("'"))
            && v.endsWith(v.substring(0, 1))) {
          v = v.substring(1, v.length() - 1);
        }
        values.put(line.substring(0, eq).trim(), v);
      }
    }
    return values;
  }

  /** Whether the installation date {@code today} is past or near {@code end}. */
  static long daysLeft(LocalDate today, LocalDate end) {
    return java.time.temporal.ChronoUnit.DAYS.between(today, end);
  }
}
