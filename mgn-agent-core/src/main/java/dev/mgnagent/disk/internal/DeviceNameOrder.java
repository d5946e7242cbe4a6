package dev.mgnagent.disk.internal;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders kernel device names the way the kernel numbers them: {@code sda < sdb < sdz < sdaa},
 * {@code nvme2n1 < nvme10n1}, {@code vda1 < vda2 < vda10}. Digit runs compare numerically; the
 * letters after a driver prefix ({@code sd}, {@code vd}, {@code xvd}, {@code hd}) compare shorter
 * first; other letter runs alphabetically. Names equal by those rules ({@code md0}, {@code md00}) fall back to
 * plain string order, so distinct names never compare equal.
 */
final class DeviceNameOrder implements Comparator<String> {

  static final DeviceNameOrder INSTANCE = new DeviceNameOrder();

  private static final Pattern RUN = Pattern.compile("\\d+|\\D+");
  /** Disks named by letters after a driver prefix: sda..sdz, sdaa... */
  private static final Pattern LETTERED_DISK = Pattern.compile("(sd|vd|xvd|hd)[a-z]+");

  private DeviceNameOrder() {}

  @Override
  public int compare(String a, String b) {
    Matcher left = RUN.matcher(a);
    Matcher right = RUN.matcher(b);
    while (true) {
      boolean hasLeft = left.find();
      boolean hasRight = right.find();
      if (!hasLeft || !hasRight) {
        int byRuns = Boolean.compare(hasLeft, hasRight);
        return byRuns != 0 ? byRuns : a.compareTo(b);
      }
      int order = compareRuns(left.group(), right.group());
      if (order != 0) {
        return order;
      }
    }
  }

  private static int compareRuns(String x, String y) {
    boolean xDigits = Character.isDigit(x.charAt(0));
    boolean yDigits = Character.isDigit(y.charAt(0));
    if (xDigits != yDigits) {
      return xDigits ? -1 : 1;
    }
    if (xDigits) {
      String xs = stripLeadingZeros(x);
      String ys = stripLeadingZeros(y);
      int byLength = Integer.compare(xs.length(), ys.length());
      return byLength != 0 ? byLength : xs.compareTo(ys);
    }
    Matcher left = LETTERED_DISK.matcher(x);
    Matcher right = LETTERED_DISK.matcher(y);
    if (left.matches() && right.matches() && left.group(1).equals(right.group(1))) {
      int byLength = Integer.compare(x.length(), y.length());
      return byLength != 0 ? byLength : x.compareTo(y);
    }
    return x.compareTo(y);
  }

  private static String stripLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
