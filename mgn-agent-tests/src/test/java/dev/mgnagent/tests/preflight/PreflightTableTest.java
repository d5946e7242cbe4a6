package dev.mgnagent.tests.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.CheckStatus;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.preflight.PreflightReport;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.host.FakeLinuxHost;
import dev.mgnagent.testkit.host.FakeLinuxHosts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expected status of every check on every fake host, without a region (network and credentials
 * checks are then SKIPPED for that reason), on 2026-09-01.
 */
class PreflightTableTest {

  static final Clock SEPTEMBER_1 =
      Clock.fixed(Instant.parse("2026-09-01T10:00:00Z"), ZoneOffset.UTC);

  /**
   * Columns: healthyRhel9, troubledUbuntu1404, legacyCentos7, armDebian12, bare tree (--host-root).
   */
  static final String TABLE =
      """
      privileges.root                  PASS    FAIL    PASS    PASS    SKIPPED
      privileges.sudo-installed        PASS    PASS    PASS    PASS    FAIL
      privileges.account-files         PASS    FAIL    PASS    PASS    SKIPPED
      privileges.sudoers-includedir    PASS    WARN    PASS    PASS    FAIL
      privileges.existing-user         PASS    PASS    WARN    PASS    WARN
      platform.arch                    PASS    PASS    PASS    FAIL    SKIPPED
      platform.os                      PASS    WARN    WARN    FAIL    FAIL
      platform.kernel                  PASS    PASS    PASS    FAIL    SKIPPED
      space.root                       PASS    WARN    PASS    PASS    SKIPPED
      space.tmp                        PASS    FAIL    PASS    PASS    PASS
      space.boot                       PASS    PASS    FAIL    PASS    SKIPPED
      space.tmp-exec                   PASS    FAIL    PASS    PASS    PASS
      memory.available                 PASS    FAIL    PASS    PASS    SKIPPED
      tools.python                     PASS    PASS    PASS    PASS    PASS
      tools.build                      PASS    WARN    PASS    PASS    WARN
      tools.dhclient                   PASS    WARN    PASS    PASS    WARN
      tools.kernel-headers             PASS    FAIL    PASS    FAIL    SKIPPED
      boot.grub                        PASS    PASS    FAIL    PASS    FAIL
      boot.secure-boot                 PASS    FAIL    PASS    PASS    PASS
      boot.single-disk                 PASS    PASS    FAIL    PASS    PASS
      conflicts.cloudendure            PASS    FAIL    PASS    PASS    PASS
      conflicts.aws-replication-agent  PASS    PASS    WARN    PASS    PASS
      conflicts.oracle-afd             PASS    PASS    FAIL    PASS    SKIPPED
      disks.inventory                  PASS    PASS    PASS    PASS    PASS
      disks.size                       PASS    PASS    PASS    PASS    PASS
      disks.count                      PASS    PASS    PASS    PASS    PASS
      network.mgn-443                  SKIPPED SKIPPED SKIPPED SKIPPED SKIPPED
      network.s3-443                   SKIPPED SKIPPED SKIPPED SKIPPED SKIPPED
      network.replication-1500         SKIPPED SKIPPED SKIPPED SKIPPED SKIPPED
      network.proxy                    PASS    FAIL    PASS    PASS    PASS
      credentials.mgn                  SKIPPED SKIPPED SKIPPED SKIPPED SKIPPED
      """;

  static final List<String> HOSTS =
      List.of("healthyRhel9", "troubledUbuntu1404", "legacyCentos7", "armDebian12", "bareTree");

  @TempDir Path temp;

  @Test
  void everyCheckHasTheExpectedStatusOnEveryHost() {
    Map<String, List<CheckStatus>> expected = parse();
    assertThat(expected.keySet())
        .as("the table lists every check, in report order")
        .containsExactlyElementsOf(Preflight.checkIds());
    for (int column = 0; column < HOSTS.size(); column++) {
      String name = HOSTS.get(column);
      PreflightReport report = run(name);
      int c = column;
      Map<String, CheckStatus> want =
          expected.entrySet().stream()
              .collect(
                  Collectors.toMap(
                      Map.Entry::getKey,
                      e -> e.getValue().get(c),
                      (a, b) -> a,
                      LinkedHashMap::new));
      Map<String, CheckStatus> got =
          report.checks().stream()
              .collect(
                  Collectors.toMap(
                      CheckResult::id, CheckResult::status, (a, b) -> a, LinkedHashMap::new));
      assertThat(got).as(name + ": " + describe(report)).containsExactlyEntriesOf(want);
    }
  }

  @Test
  void failuresAndWarningsAlwaysCarryARemedyAndSkipsSayWhy() {
    for (String name : HOSTS) {
      for (CheckResult r : run(name).checks()) {
        assertThat(r.evidence()).as(name + " " + r.id()).isNotBlank();
        if (r.status() == CheckStatus.FAIL || r.status() == CheckStatus.WARN) {
          assertThat(r.remedy()).as(name + " " + r.id()).isNotBlank();
        }
        assertThat(r.evidence())
            .as(name + " " + r.id())
            .doesNotContainIgnoringCase("not implemented");
      }
    }
  }

  @Test
  void healthyHostHasNoFailures() {
    assertThat(run("healthyRhel9").hasFailures()).isFalse();
    assertThat(run("troubledUbuntu1404").hasFailures()).isTrue();
  }

  private PreflightReport run(String name) {
    Path dir = temp.resolve(name + "-" + System.nanoTime());
    if (name.equals("bareTree")) {
      Host host =
          LocalHost.rootedAt(FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(dir));
      return Preflight.builder().host(host).clock(SEPTEMBER_1).build().run();
    }
    FakeLinuxHost host = FakeLinuxHosts.all().get(name).get().writeTo(dir);
    return Preflight.builder()
        .host(host)
        .fileSystemSpace(host.space())
        .clock(SEPTEMBER_1)
        .build()
        .run();
  }

  private static Map<String, List<CheckStatus>> parse() {
    Map<String, List<CheckStatus>> rows = new LinkedHashMap<>();
    for (String line : TABLE.strip().lines().toList()) {
      String[] f = line.trim().split("\\s+");
      rows.put(f[0], List.of(f).subList(1, f.length).stream().map(CheckStatus::valueOf).toList());
    }
    return rows;
  }

  private static String describe(PreflightReport report) {
    return report.checks().stream()
        .map(r -> r.id() + "=" + r.status() + " (" + r.evidence() + ")")
        .collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}
