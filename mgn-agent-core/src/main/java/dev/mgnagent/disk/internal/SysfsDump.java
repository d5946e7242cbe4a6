package dev.mgnagent.disk.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the block devices and mountinfo of a host in one command, for hosts whose files are far
 * away (over SFTP, each file read costs round trips): {@link #SCRIPT} runs there with {@code sh}
 * and prints everything {@link SysfsReader} would read, making the same decisions (a file outside
 * the host root, not a regular file or not readable is unreadable; an absent one is absent), and
 * {@link #parse} turns its output into the same {@link RawBlockDevice}s. Pure: tests feed it
 * fixtures.
 *
 * <p>The output is line records; a name never holds a newline (names with one are skipped by the
 * script), and file contents are hexadecimal ({@code od -An -v -tx1}), one or more lines that start
 * with a space, so no content can be taken for a record:
 *
 * <pre>
 * B name        a device of sys/block (inside the root) follows
 * E name        an entry of its directory
 * F path        the content of a file of it follows (hex lines); "R" right after: the read failed
 * U path        a file that exists but cannot be read
 * S name        an entry of its slaves/ directory
 * P name        a partition of it follows, up to "Q"
 * M             the content of proc/self/mountinfo follows (hex lines; "R" after: failed)
 * M missing     proc/self/mountinfo does not exist
 * M unreadable  proc/self/mountinfo is not a regular file
 * X reason      nothing could be read (no such root, no sys/block directory)
 * END           the last line
 * </pre>
 */
final class SysfsDump {

  /** The script; {@code $1} is the host root. Only POSIX sh, od, readlink -f and pwd -P. */
  static final String SCRIPT =
      String.join(
          "\n",
          "LC_ALL=C; export LC_ALL",
          "cd -- \"$1\" 2>/dev/null || { echo 'X root'; echo END; exit 0; }",
          "R=$(pwd -P)",
          "[ -d sys/block ] || { echo 'X sysblock'; echo END; exit 0; }",
          "nl='",
          "'",
          "inside() {",
          "  [ \"$R\" = / ] && return 0",
          "  if [ -L \"$1\" ]; then r=$(readlink -f -- \"$1\") || return 1",
          "  else case \"$1\" in */*) d=${1%/*} ;; *) d=. ;; esac",
          "    r=$(cd -- \"$d\" 2>/dev/null && pwd -P) || return 1; fi",
          "  case \"$r/\" in \"$R\"/*) return 0 ;; esac",
          "  return 1",
          "}",
          // $1 the name, $2 the path, $3 the directory its name is relative to (checked inside)
          "insidedir() {",
          "  [ \"$R\" = / ] && return 0",
          "  r=$(cd -- \"$1\" 2>/dev/null && pwd -P) || return 1",
          "  case \"$r/\" in \"$R\"/*) return 0 ;; esac",
          "  return 1",
          "}",
          "file() {",
          "  [ -e \"$2\" ] || return 0",
          "  o=0",
          "  if [ -L \"$2\" ]; then inside \"$2\" || o=1",
          "  else case \"$1\" in */*) k=${1%/*}",
          "    [ -L \"$3/$k\" ] && { insidedir \"$3/$k\" || o=1; } ;; esac; fi",
          "  if [ $o = 1 ] || [ ! -f \"$2\" ]; then echo \"U $1\"; return 0; fi",
          "  echo \"F $1\"",
          "  od -An -v -tx1 -N 65537 -- \"$2\" 2>/dev/null || echo R",
          "}",
          "for e in sys/block/*; do",
          "  n=${e##*/}",
          "  case \"$n\" in *\"$nl\"*) continue ;; esac",
          "  [ -e \"$e\" ] || continue",
          "  inside \"$e\" || continue",
          "  [ -d \"$e\" ] || continue",
          "  echo \"B $n\"",
          "  for x in \"$e\"/* \"$e\"/.[!.]*; do",
          "    [ -e \"$x\" ] || [ -L \"$x\" ] || continue",
          "    y=${x##*/}",
          "    case \"$y\" in *\"$nl\"*) continue ;; esac",
          "    echo \"E $y\"",
          "  done",
          "  for f in dev size removable ro serial device/model device/vendor device/serial"
              + " dm/name dm/uuid md/level; do",
          "    [ -e \"$e/${f%%/*}\" ] || [ -L \"$e/${f%%/*}\" ] || continue",
          "    file \"$f\" \"$e/$f\" \"$e\"",
          "  done",
          "  if [ -d \"$e/slaves\" ]; then",
          "    for s in \"$e\"/slaves/* \"$e\"/slaves/.[!.]*; do",
          "      [ -e \"$s\" ] || [ -L \"$s\" ] || continue",
          "      y=${s##*/}",
          "      case \"$y\" in *\"$nl\"*) continue ;; esac",
          "      echo \"S $y\"",
          "    done",
          "  fi",
          "  for c in \"$e\"/\"$n\"?*; do",
          "    [ -f \"$c/partition\" ] && [ ! -L \"$c\" ] || continue",
          "    y=${c##*/}",
          "    case \"$y\" in *\"$nl\"*) continue ;; esac",
          "    echo \"P $y\"",
          "    for f in dev size partition start; do file \"$f\" \"$c/$f\" \"$c\"; done",
          "    echo Q",
          "  done",
          "done",
          "m=proc/self/mountinfo",
          "if [ ! -e \"$m\" ]; then echo 'M missing'",
          "elif [ ! -f \"$m\" ]; then echo 'M unreadable'",
          "else echo M; od -An -v -tx1 -N 16777217 -- \"$m\" 2>/dev/null || echo R; fi",
          "echo END",
          "");

  /** Sysfs attributes are one short line; more than this is not a sysfs attribute. */
  private static final int MAX_FILE_BYTES = 64 * 1024;

  /**
   * What the script printed, made sense of.
   *
   * @param devices the block devices, as {@link SysfsReader#readBlockDevices()} returns them
   * @param mountInfo the text of mountinfo, or empty with {@code mountInfoProblem} saying why
   */
  record Result(
      List<RawBlockDevice> devices, Optional<String> mountInfo, String mountInfoProblem) {}

  private SysfsDump() {}

  /**
   * Parses the script's output.
   *
   * @throws IllegalArgumentException when the output is not complete, well-formed script output (or
   *     the script could not read anything: then the caller reads file by file, which reports why)
   */
  static Result parse(String output) {
    String[] lines = output.split("\n", -1);
    List<RawBlockDevice> devices = new ArrayList<>();
    Device device = null;
    Device partition = null;
    Optional<String> mountInfo = Optional.empty();
    String problem = "";
    boolean mountSeen = false;
    boolean end = false;
    int i = 0;
    while (i < lines.length) {
      String line = lines[i++];
      if (end) {
        if (!line.isEmpty()) {
          throw new IllegalArgumentException("output after END");
        }
        continue;
      }
      if (line.equals("END")) {
        end = true;
        continue;
      }
      if (line.startsWith("X ")) {
        throw new IllegalArgumentException("the script could not read: " + line.substring(2));
      }
      String kind = line.length() >= 1 ? line.substring(0, 1) : "";
      String arg = line.length() > 2 && line.charAt(1) == ' ' ? line.substring(2) : "";
      switch (kind) {
        case "B":
          requireArg(arg, line);
          if (partition != null) {
            throw new IllegalArgumentException("a device inside a partition");
          }
          add(devices, device);
          device = new Device(arg, "sys/block/" + arg);
          break;
        case "E":
          requireArg(arg, line);
          current(device, null, line).entries.add(arg);
          break;
        case "S":
          requireArg(arg, line);
          current(device, null, line).slaves.add(arg);
          break;
        case "P":
          requireArg(arg, line);
          if (partition != null) {
            throw new IllegalArgumentException("a partition inside a partition");
          }
          current(device, null, line);
          partition = new Device(arg, device.sysfsPath + "/" + arg);
          break;
        case "Q":
          if (partition == null) {
            throw new IllegalArgumentException("Q without P");
          }
          device.partitions.add(partition.build());
          partition = null;
          break;
        case "U":
          requireArg(arg, line);
          current(device, partition, line).unreadable.add(arg);
          break;
        case "F":
          {
            requireArg(arg, line);
            Device owner = current(device, partition, line);
            StringBuilder hex = new StringBuilder();
            while (i < lines.length && lines[i].startsWith(" ")) {
              hex.append(lines[i++]);
            }
            if (i < lines.length && lines[i].equals("R")) {
              i++;
              owner.unreadable.add(arg);
              break;
            }
            byte[] bytes = hex(hex);
            if (bytes.length > MAX_FILE_BYTES) {
              owner.unreadable.add(arg);
            } else {
              owner.files.put(arg, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
            break;
          }
        case "M":
          {
            if (partition != null || mountSeen) {
              throw new IllegalArgumentException("misplaced " + line);
            }
            mountSeen = true;
            if (line.equals("M missing")) {
              problem = "proc/self/mountinfo does not exist";
            } else if (line.equals("M unreadable")) {
              problem = "proc/self/mountinfo could not be read";
            } else if (line.equals("M")) {
              StringBuilder hex = new StringBuilder();
              while (i < lines.length && lines[i].startsWith(" ")) {
                hex.append(lines[i++]);
              }
              byte[] bytes = hex(hex);
              if ((i < lines.length && lines[i].equals("R"))
                  || bytes.length > SysfsReader.MAX_MOUNTINFO_BYTES) {
                if (i < lines.length && lines[i].equals("R")) {
                  i++;
                }
                problem = "proc/self/mountinfo could not be read";
              } else {
                mountInfo = Optional.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
              }
            } else {
              throw new IllegalArgumentException("not a record: " + line);
            }
            break;
          }
        default:
          throw new IllegalArgumentException("not a record: " + abbreviate(line));
      }
    }
    if (!end || !mountSeen || partition != null) {
      throw new IllegalArgumentException("the output is incomplete");
    }
    add(devices, device);
    devices.sort((a, b) -> a.name().compareTo(b.name()));
    return new Result(devices, mountInfo, problem);
  }

  /** A device directory that lists nothing is left out, as {@link SysfsReader} leaves it. */
  private static void add(List<RawBlockDevice> devices, Device device) {
    if (device != null && !device.entries.isEmpty()) {
      devices.add(device.build());
    }
  }

  private static void requireArg(String arg, String line) {
    if (arg.isEmpty()) {
      throw new IllegalArgumentException("a record without its name: " + abbreviate(line));
    }
  }

  private static Device current(Device device, Device partition, String line) {
    if (partition != null) {
      return partition;
    }
    if (device == null) {
      throw new IllegalArgumentException("a record outside a device: " + abbreviate(line));
    }
    return device;
  }

  private static String abbreviate(String line) {
    return line.length() > 40 ? line.substring(0, 40) + "..." : line;
  }

  /** {@code od -An -tx1} text (pairs of hex digits separated by spaces) to bytes. */
  static byte[] hex(CharSequence text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() / 3 + 1);
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      if (i + 1 >= n) {
        throw new IllegalArgumentException("odd hex digit count");
      }
      int hi = Character.digit(c, 16);
      int lo = Character.digit(text.charAt(i + 1), 16);
      if (hi < 0 || lo < 0 || (i + 2 < n && text.charAt(i + 2) != ' ')) {
        throw new IllegalArgumentException("not od -tx1 output");
      }
      out.write(hi << 4 | lo);
      i += 2;
    }
    return out.toByteArray();
  }

  /** One device's records, collected. */
  private static final class Device {
    final String name;
    final String sysfsPath;
    final Set<String> entries = new HashSet<>();
    final Map<String, String> files = new HashMap<>();
    final Set<String> unreadable = new HashSet<>();
    final List<String> slaves = new ArrayList<>();
    final List<RawBlockDevice> partitions = new ArrayList<>();

    Device(String name, String sysfsPath) {
      this.name = name;
      this.sysfsPath = sysfsPath;
    }

    RawBlockDevice build() {
      // only device-mapper and md devices rest on others; a disk's slaves/ is empty
      boolean stacked =
          entries.contains("slaves") && (entries.contains("dm") || entries.contains("md"));
      List<String> sortedSlaves = stacked ? new ArrayList<>(slaves) : new ArrayList<>();
      sortedSlaves.sort(null);
      List<RawBlockDevice> sortedPartitions = new ArrayList<>(partitions);
      sortedPartitions.sort((a, b) -> DeviceNameOrder.INSTANCE.compare(a.name(), b.name()));
      return new RawBlockDevice(name, sysfsPath, files, unreadable, sortedSlaves, sortedPartitions);
    }
  }
}
