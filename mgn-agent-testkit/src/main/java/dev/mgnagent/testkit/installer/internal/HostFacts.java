package dev.mgnagent.testkit.installer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the fake installer reports about the machine, read from the host tree's kernel files as an
 * agent would read them on the machine: the hostname ({@code proc/sys/kernel/hostname}, else {@code
 * etc/hostname}), the FQDN (the host's line in {@code etc/hosts}), the MAC addresses of {@code
 * sys/class/net} in MGN's form ({@code 0A-40-F1-E8-B2-2D}, loopback and all-zero left out), the
 * kernel's {@code proc/version} line, the CPU count ({@code proc/cpuinfo}) and the RAM ({@code
 * MemTotal} of {@code proc/meminfo}).
 */
record HostFacts(
    String hostname, String fqdn, List<String> macAddresses, String os, int cpus, long ramBytes) {

  static HostFacts read(Path root) throws IOException {
    String hostname = firstLine(root.resolve("proc/sys/kernel/hostname"));
    if (hostname.isEmpty()) {
      hostname = firstLine(root.resolve("etc/hostname"));
    }
    if (hostname.isEmpty()) {
      hostname = "localhost";
    }
    return new HostFacts(
        hostname,
        fqdn(root, hostname),
        macs(root),
        firstLine(root.resolve("proc/version")),
        cpus(root),
        ram(root));
  }

  /** {@code 0a:40:f1:e8:b2:2d} as MGN shows it: {@code 0A-40-F1-E8-B2-2D}. */
  static String mgnMac(String kernelMac) {
    return kernelMac.strip().toUpperCase(Locale.ROOT).replace(':', '-');
  }

  private static String fqdn(Path root, String hostname) throws IOException {
    if (hostname.contains(".")) {
      return hostname;
    }
    Path hosts = root.resolve("etc/hosts");
    if (Files.isRegularFile(hosts)) {
      for (String line : Files.readAllLines(hosts)) {
        String[] names = line.replaceAll("#.*", "").trim().split("\\s+");
        List<String> list = List.of(names);
        if (list.size() > 1 && list.subList(1, list.size()).contains(hostname)) {
          for (String name : list.subList(1, list.size())) {
            if (name.startsWith(hostname + ".")) {
              return name;
            }
          }
        }
      }
    }
    return hostname;
  }

  private static List<String> macs(Path root) throws IOException {
    Path net = root.resolve("sys/class/net");
    List<String> macs = new ArrayList<>();
    if (!Files.isDirectory(net)) {
      return macs;
    }
    try (Stream<Path> entries = Files.list(net)) {
      for (Path nic : entries.sorted().toList()) {
        String mac = firstLine(nic.resolve("address"));
        if (nic.getFileName().toString().equals("lo")
            || mac.isEmpty()
            || mac.equals("00:00:00:00:00:00")) {
          continue;
        }
        macs.add(mgnMac(mac));
      }
    }
    return macs;
  }

  private static int cpus(Path root) throws IOException {
    Path cpuinfo = root.resolve("proc/cpuinfo");
    if (!Files.isRegularFile(cpuinfo)) {
      return 1;
    }
    int count =
        (int) Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("processor")).count();
    return Math.max(1, count);
  }

  private static long ram(Path root) throws IOException {
    Path meminfo = root.resolve("proc/meminfo");
    if (Files.isRegularFile(meminfo)) {
      for (String line : Files.readAllLines(meminfo)) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    }
    return 0;
  }

  private static String firstLine(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    String text = Files.readString(file).strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
