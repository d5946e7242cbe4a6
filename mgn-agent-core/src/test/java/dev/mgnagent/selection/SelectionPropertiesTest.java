package dev.mgnagent.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.dsl.TheoryBuilder2;

/**
 * The seed's selection rules as properties over generated hosts (QuickTheories, fixed seeds, 1,000
 * examples each). Expected disks come from the generator's own ground truth, never from the code
 * under test.
 */
class SelectionPropertiesTest {

  private static final long SEED = 20261127L;
  private static final int EXAMPLES = 1000;

  private static final List<String> INVALID_ITEMS =
      List.of(
          "/dev/nope",
          "dev/sda",
          "'/dev/sda'",
          "\"/dev/sda\"",
          "[/dev/sda]",
          "{/dev/sda}",
          "/dev/sd*",
          "/dev/sd?",
          "/dev/../dev/sda",
          "/dev/loop0",
          "/dev/sr0",
          "sda",
          "",
          "/dev/sda /dev/sdb");

  private static Gen<GeneratedHost> hosts() {
    Gen<List<Integer>> kinds = lists().of(integers().between(0, 2)).ofSizeBetween(1, 7);
    Gen<List<Integer>> partitions = lists().of(integers().between(0, 3)).ofSize(7);
    return kinds
        .zip(
            partitions,
            integers().between(0, 3),
            booleans().all(),
            (k, p, lvmSpan, md) -> new Object[] {k, p, lvmSpan, md})
        .zip(
            booleans().all(),
            integers().between(0, 3),
            (a, mp, root) ->
                GeneratedHost.build(
                    new GeneratedHost.Spec(
                        cast(a[0]), cast(a[1]), (Integer) a[2], (Boolean) a[3], mp, root)));
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> cast(Object o) {
    return (List<Integer>) o;
  }

  /** Indices into a host's valid paths; the host decides what each index names. */
  private static Gen<List<Integer>> picks() {
    return lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 6);
  }

  private static TheoryBuilder2<GeneratedHost, List<Integer>> forHostsAndPicks() {
    return qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(hosts(), picks());
  }

  private static List<String> pick(GeneratedHost host, List<Integer> picks) {
    List<String> valid = host.validPaths();
    List<String> items = new ArrayList<>();
    for (int index : picks) {
      items.add(valid.get(index % valid.size()));
    }
    return items;
  }

  private static Selection select(GeneratedHost host, SelectionRequest request) {
    return ReplicationSelection.of(host.inventory(), host.devicePaths()).select(request);
  }

  private static Set<String> expected(GeneratedHost host, List<String> items) {
    Set<String> disks = new LinkedHashSet<>(host.rootDisks());
    if (items.isEmpty()) {
      host.inventory().disks().forEach(d -> disks.add(d.path()));
    }
    items.forEach(item -> disks.addAll(host.disksOf().get(item)));
    return disks;
  }

  @Test
  void selectsExactlyTheDisksUnderTheRequestPlusTheRoot() {
    forHostsAndPicks()
        .checkAssert(
            (host, picks) -> {
              List<String> items = pick(host, picks);

              Selection selection =
                  select(host, SelectionRequest.devices(String.join(", ", items)));

              assertThat(Set.copyOf(selection.paths())).isEqualTo(expected(host, items));
            });
  }

  @Test
  void rootDiskIsAlwaysSelected() {
    forHostsAndPicks()
        .checkAssert(
            (host, picks) -> {
              Selection selection =
                  select(host, SelectionRequest.devices(String.join(",", pick(host, picks))));

              assertThat(selection.paths()).containsAll(host.rootDisks());
              selection.disks().stream()
                  .filter(d -> host.rootDisks().contains(d.path()))
                  .forEach(d -> assertThat(d.reasons()).contains(SelectionReason.ROOT));
            });
  }

  @Test
  void everySelectedPathIsAWholeDiskInInventoryOrder() {
    forHostsAndPicks()
        .checkAssert(
            (host, picks) -> {
              Selection selection =
                  select(host, SelectionRequest.devices(String.join(",", pick(host, picks))));

              List<String> inventoryOrder =
                  host.inventory().disks().stream().map(d -> d.path()).toList();
              assertThat(inventoryOrder).containsSubsequence(selection.paths());
              assertThat(selection.paths()).doesNotHaveDuplicates();
            });
  }

  @Test
  void selectingAPartitionOrAliasEqualsSelectingItsDisk() {
    forHostsAndPicks()
        .checkAssert(
            (host, picks) -> {
              for (String item : pick(host, picks)) {
                Selection viaItem = select(host, SelectionRequest.devices(item));
                String disks = String.join(",", host.disksOf().get(item));
                Selection viaDisk = select(host, SelectionRequest.devices(disks));
                assertThat(viaItem.paths()).isEqualTo(viaDisk.paths());
              }
            });
  }

  @Test
  void selectionIsIdempotent() {
    forHostsAndPicks()
        .checkAssert(
            (host, picks) -> {
              Selection once =
                  select(host, SelectionRequest.devices(String.join(",", pick(host, picks))));

              Selection twice = select(host, SelectionRequest.devices(once.devicesArgument()));

              assertThat(twice.paths()).isEqualTo(once.paths());
            });
  }

  @Test
  void orderDuplicatesAndSpacingDoNotMatter() {
    forHostsAndPicks()
        .checkAssert(
            (host, picks) -> {
              List<String> items = pick(host, picks);
              List<String> shuffled = new ArrayList<>(items);
              shuffled.addAll(items);
              Collections.shuffle(shuffled, new Random(picks.hashCode()));

              Selection plain = select(host, SelectionRequest.devices(String.join(",", items)));
              Selection noisy =
                  select(host, SelectionRequest.devices(" " + String.join(" ,  ", shuffled)));

              assertThat(noisy.paths()).isEqualTo(plain.paths());
            });
  }

  @Test
  void anyInvalidItemRefusesTheWholeRequest() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(
            hosts(),
            picks(),
            integers().between(0, INVALID_ITEMS.size() - 1),
            integers().between(0, 6))
        .checkAssert(
            (host, picks, invalid, position) -> {
              List<String> items = new ArrayList<>(pick(host, picks));
              items.add(Math.min(position, items.size()), INVALID_ITEMS.get(invalid));
              if (items.equals(List.of(""))) {
                items.add("/dev/nope"); // a lone empty answer is valid: it means every disk
              }

              assertThatThrownBy(
                      () -> select(host, SelectionRequest.devices(String.join(",", items))))
                  .isInstanceOf(InvalidSelectionException.class)
                  .hasMessageContaining("the disks are: ");
            });
  }

  @Test
  void forcedPathsArePassedAsListedAndMustIncludeTheRoot() {
    forHostsAndPicks()
        .checkAssert(
            (host, picks) -> {
              List<String> items = new ArrayList<>(new LinkedHashSet<>(pick(host, picks)));
              Set<String> covered = new LinkedHashSet<>();
              items.stream()
                  .filter(host.wholeDiskPaths()::containsKey)
                  .forEach(i -> covered.add(host.wholeDiskPaths().get(i)));

              if (covered.containsAll(host.rootDisks())) {
                Selection forced = select(host, SelectionRequest.forced(String.join(",", items)));
                assertThat(forced.paths()).isEqualTo(items);
                assertThat(forced.forced()).isTrue();
              } else {
                assertThatThrownBy(
                        () -> select(host, SelectionRequest.forced(String.join(",", items))))
                    .isInstanceOf(dev.mgnagent.InvalidRequestException.class);
              }
            });
  }
}
