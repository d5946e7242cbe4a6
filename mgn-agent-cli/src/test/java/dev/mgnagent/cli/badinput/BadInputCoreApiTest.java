package dev.mgnagent.cli.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mgnagent.Endpoints;
import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Regions;
import dev.mgnagent.Secret;
import dev.mgnagent.Tags;
import dev.mgnagent.cli.Flags;
import dev.mgnagent.cli.output.DurationFlag;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.DiskInventoryException;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.SelectionRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;

/**
 * The corpus cases whose bad value goes straight to a core API (selection, tags, regions,
 * endpoints, source server IDs, digests, install requests, durations, host trees), called directly:
 * each raises the typed {@link InvalidRequestException} whose API name the CLI's {@link Flags}
 * table turns into the flag, or for a host tree, leaves no usable disk.
 */
class BadInputCoreApiTest {

  private static final List<String> CORE_KINDS =
      List.of(
          "devices",
          "tags",
          "region",
          "endpoint",
          "id",
          "sha512",
          "key",
          "request",
          "duration",
          "tree");

  /** Where core names another parameter than the CLI's first complaint. */
  private static final Map<String, String> CORE_PARAMETER =
      Map.of(
          "devices.force-volumes-without-root", "--devices",
          // the CLI first asks for the missing secret; core says the token needs one
          "key.token-without-secret", "--aws-session-token");

  @TempDir static Path temp;

  private static final Map<String, Path> TREES = new HashMap<>();

  static Stream<Corpus> coreCases() {
    return Corpus.load().stream().filter(c -> CORE_KINDS.contains(kind(c)) && applies(c));
  }

  @Test
  void mostCorpusCasesAlsoRunThroughTheCoreApi() {
    assertThat(coreCases().count()).isGreaterThanOrEqualTo(200);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("coreCases")
  void coreRefusesWithTheTypedError(Corpus c) {
    String[] args = c.args(values(c));
    if (kind(c).equals("tree")) {
      Host host = LocalHost.rootedAt(tree(c.tree()));
      Throwable thrown =
          catchThrowable(
              () -> {
                Inventory inventory =
                    assertTimeoutPreemptively(
                        Duration.ofSeconds(30), () -> DiskInventory.of(host).read());
                assertThat(inventory.disks()).as("usable disks").isEmpty();
              });
      if (thrown != null) {
        assertThat(thrown).isInstanceOf(DiskInventoryException.class);
      }
      return;
    }
    Runnable call = call(c, args);
    assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(30), call::run))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e ->
                assertThat(Flags.named((InvalidRequestException) e).parameter())
                    .as(e.getMessage())
                    .hasValue(CORE_PARAMETER.getOrDefault(c.id(), c.expected())));
  }

  private Runnable call(Corpus c, String[] args) {
    String flag = c.expected();
    return switch (kind(c)) {
      case "devices" ->
          () -> {
            Host host = LocalHost.rootedAt(tree(c.tree()));
            ReplicationSelection.of(DiskInventory.of(host).read(), DevicePaths.of(host))
                .select(
                    new SelectionRequest(
                        Optional.of(value(args, "--devices")),
                        has(args, "--force-volumes"),
                        has(args, "--no-prompt")));
          };
      case "tags" -> () -> Tags.parse(values(args, "--tags"));
      case "region" -> () -> Regions.requireWellFormed("--region", value(args, "--region"));
      case "endpoint" -> () -> Endpoints.parse(flag, "endpoint", "example.com", value(args, flag));
      case "id" -> () -> SourceServerId.parse(flag, value(args, flag));
      case "sha512" -> () -> InstallerVerifier.builder().expectedSha512(value(args, flag));
      case "duration" -> () -> DurationFlag.parse(flag, value(args, flag));
      default -> () -> request(args);
    };
  }

  private static void request(String[] args) {
    InstallRequest.Builder builder =
        InstallRequest.builder()
            .region(Region.of(value(args, "--region")))
            .forceVolumes(has(args, "--force-volumes"))
            .noPrompt(has(args, "--no-prompt"));
    Optional.ofNullable(value(args, "--aws-access-key-id")).ifPresent(builder::accessKeyId);
    Optional.ofNullable(value(args, "--aws-secret-access-key"))
        .map(Secret::of)
        .ifPresent(builder::secretAccessKey);
    Optional.ofNullable(value(args, "--aws-session-token"))
        .map(Secret::of)
        .ifPresent(builder::sessionToken);
    Optional.ofNullable(value(args, "--user-provided-id")).ifPresent(builder::userProvidedId);
    Optional.ofNullable(value(args, "--profile")).ifPresent(builder::profile);
    Optional.ofNullable(value(args, "--devices")).ifPresent(builder::devices);
    builder.build();
  }

  /** The category of a case: the part of its id before the first dot. */
  private static String kind(Corpus c) {
    return c.id().substring(0, c.id().indexOf('.'));
  }

  /** Cases whose failing check lives in the CLI alone (a flavor, a preflight flag) are left out. */
  private static boolean applies(Corpus c) {
    String id = c.id();
    if (kind(c).equals("request")) {
      return id.contains("user-provided-id") || id.contains("profile");
    }
    if (kind(c).equals("devices")) {
      return c.rawArgs().get(0).equals("disks");
    }
    if (kind(c).equals("region")) {
      return !id.contains("verify-installer");
    }
    if (kind(c).equals("tree")) {
      return id.startsWith("tree.disks-") && !id.startsWith("tree.disks-json");
    }
    return true;
  }

  private Map<String, String> values(Corpus c) {
    Map<String, String> values = new HashMap<>();
    values.put("mgn", "http://127.0.0.1:1");
    values.put("s3", "http://127.0.0.1:2");
    values.put("key", "AKIAIOSFODNN7EXAMPLE");
    values.put("secret", BadInputCorpusTest.SECRET);
    values.put("tmp", temp.toString());
    values.put(
        "tree",
        c.tree().equals("-") ? temp.resolve("no-tree").toString() : tree(c.tree()).toString());
    return values;
  }

  private static Path tree(String name) {
    return TREES.computeIfAbsent(name, n -> HostTrees.build(n, temp.resolve("trees").resolve(n)));
  }

  private static boolean has(String[] args, String flag) {
    return List.of(args).contains(flag);
  }

  /** The value of {@code flag}, given as {@code flag value} or {@code flag=value}; null if none. */
  static String value(String[] args, String flag) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(flag) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith(flag + "=")) {
        return args[i].substring(flag.length() + 1);
      }
    }
    return null;
  }

  /** Every value after {@code flag} up to the next {@code --option}. */
  private static List<String> values(String[] args, String flag) {
    List<String> values = new ArrayList<>();
    for (int i = List.of(args).indexOf(flag) + 1; i > 0 && i < args.length; i++) {
      if (args[i].startsWith("--")) {
        break;
      }
      values.add(args[i]);
    }
    return values;
  }
}
