package dev.mgnagent.disk.internal;

import java.util.Comparator;

/**
 * Orders kernel device names the way the kernel numbers them: {@code sda < sdb < sdz < sdaa},
 * {@code nvme2n1 < nvme10n1}, {@code vda1 < vda2 < vda10}. Digit runs compare numerically; the
 * letters after a driver prefix ({@code sd}, {@code vd}, {@code xvd}, {@code hd}) compare shorter
 * first; other letter runs alphabetically. Names equal by those rules ({@code md0}, {@code md00})
 * fall back to plain string order, so distinct names never compare equal.
 *
 * <p>Written without regular expressions: inventories of thousands of devices sort with it.
 */
final class DeviceNameOrder implements Comparator<String> {

  static final DeviceNameOrder INSTANCE = new DeviceNameOrder();

  private static final String[] LETTERED_PREFIXES = {"sd", "vd", "xvd", "hd"};

  private DeviceNameOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int endA = runEnd(a, i);
      int endB = runEnd(b, j);
      int order = compareRuns(a, i, endA, b, j, endB);
      if (order != 0) {
        return order;
      }
      i = endA;
      j = endB;
    }
    int byRuns = Boolean.compare(i < a.length(), j < b.length());
    return byRuns != 0 ? byRuns : a.compareTo(b);
  }

  /** The end of the run of digits, or of non-digits, that starts at {@code start}. */
  private static int runEnd(String s, int start) {
    boolean digits = isDigit(s.charAt(start));
    int end = start + 1;
    while (end < s.length() && isDigit(s.charAt(end)) == digits) {
      end++;
    }
    return end;
  }

  private static int compareRuns(String a, int i, int endA, String b, int j, int endB) {
    boolean aDigits = isDigit(a.charAt(i));
    boolean bDigits = isDigit(b.charAt(j));
    if (aDigits != bDigits) {
      return aDigits ? -1 : 1;
    }
    if (aDigits) {
      i = skipZeros(a, i, endA);
      j = skipZeros(b, j, endB);
      int byLength = Integer.compare(endA - i, endB - j);
      return byLength != 0 ? byLength : compareRange(a, i, endA, b, j, endB);
    }
    String prefix = letteredPrefix(a, i, endA);
    if (prefix != null && prefix.equals(letteredPrefix(b, j, endB))) {
      int byLength = Integer.compare(endA - i, endB - j);
      if (byLength != 0) {
        return byLength;
      }
    }
    return compareRange(a, i, endA, b, j, endB);
  }

  /** The driver prefix when the run is that prefix followed by lower-case letters only. */
  private static String letteredPrefix(String s, int start, int end) {
    for (String prefix : LETTERED_PREFIXES) {
      if (end - start > prefix.length() && s.startsWith(prefix, start)) {
        for (int k = start + prefix.length(); k < end; k++) {
          char c = s.charAt(k);
          if (c < 'a' || c > 'z') {
            return null;
          }
        }
        return prefix;
      }
    }
    return null;
  }

  private static int compareRange(String a, int i, int endA, String b, int j, int endB) {
    while (i < endA && j < endB) {
      int order = Character.compare(a.charAt(i++), b.charAt(j++));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(endA - i, endB - j);
  }

  private static int skipZeros(String s, int start, int end) {
    while (start < end - 1 && s.charAt(start) == '0') {
      start++;
    }
    return start;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
