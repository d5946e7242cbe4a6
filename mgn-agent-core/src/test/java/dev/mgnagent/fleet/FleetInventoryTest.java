package dev.mgnagent.fleet;

import static dev.mgnagent.BadStrings.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mgnagent.BadStrings;
import dev.mgnagent.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

class FleetInventoryTest {

  @TempDir Path temp;

  @Test
  void everyColumnIsReadWithQuotedFieldsAndTags() {
    FleetInventory inventory =
        FleetInventory.parse(
            """
            host,port,user,identity,tags,devices,user_provided_id
            10.0.0.12,,ec2-user,,app=web;env=prod,,
            db-1.example.com,2222,admin,keys/db.pem,"app=db;note=a b",\"/dev/sda,/dev/sdb\",db-1
            """);

    assertThat(inventory.hosts()).hasSize(2);
    FleetHost web = inventory.hosts().get(0);
    assertThat(web.address()).isEqualTo("10.0.0.12");
    assertThat(web.port()).isEmpty();
    assertThat(web.user()).contains("ec2-user");
    assertThat(web.identity()).isEmpty();
    assertThat(web.tags().asMap())
        .containsExactly(Map.entry("app", "web"), Map.entry("env", "prod"));
    assertThat(web.devices()).isEmpty();
    FleetHost db = inventory.hosts().get(1);
    assertThat(db.port()).hasValue(2222);
    assertThat(db.identity()).contains(Path.of("keys/db.pem"));
    assertThat(db.tags().asMap()).containsEntry("note", "a b");
    assertThat(db.devices()).contains("/dev/sda,/dev/sdb");
    assertThat(db.userProvidedId()).contains("db-1");
  }

  @Test
  void onlyTheHostColumnIsRequiredAndColumnsMayComeInAnyOrder() {
    FleetInventory inventory =
        FleetInventory.parse("user, HOST\r\nroot,web-1\r\n\r\n# a comment\r\n,web-2\r\n");

    assertThat(inventory.hosts()).extracting(FleetHost::address).containsExactly("web-1", "web-2");
    assertThat(inventory.hosts().get(0).user()).contains("root");
    assertThat(inventory.hosts().get(1).user()).isEmpty();
  }

  @Test
  void aQuotedFieldMayHoldQuotesAndLineBreaks() {
    FleetInventory inventory =
        FleetInventory.parse("host,user_provided_id\nweb-1,\"say \"\"hi\"\"\"\nweb-2,x\n");

    assertThat(inventory.hosts().get(0).userProvidedId()).contains("say \"hi\"");
    // a line break inside quotes: the next rows keep their own line numbers
    FleetInventory split = FleetInventory.parse("host,tags\nweb-1,\"a=b;\r\nc=d\"\nweb-2,e=f\n");
    assertThat(split.hosts().get(0).tags().asMap()).containsOnlyKeys("a", "c");
    assertThatThrownBy(() -> FleetInventory.parse("host,tags\nweb-1,\"a=b;\nc=d\"\nweb-2,app\n"))
        .isInstanceOfSatisfying(InventoryException.class, e -> assertThat(e.line()).isEqualTo(4));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad port|host,port\\nweb-1,22\\nweb-2,http|3|port|not a number",
        "port out of range|host,port\\nweb-1,70000|2|port|between 1 and 65535",
        "bad tag|host,tags\\nweb-1,app=web;aws:x=1|2|tags|aws:",
        "tag without =|host,tags\\nweb-1,app|2|tags|KEY=VALUE",
        "bad user|host,user\\nweb-1,'root'|2|user|login name",
        "bad address|host\\nweb 1|2|host|not a host name",
        "option-like address|host\\n-vvv|2|host|not starting with -",
        "empty host|host,user\\n,root|2|host|empty",
        "duplicate host|host\\nweb-1\\nweb-2\\nWEB-1|4|host|already listed on line 2",
        "duplicate id|host,user_provided_id\\nweb-1,a\\nweb-2,a|3|user_provided_id|line 2",
        "unknown column|host,hostname\\nweb-1,x|1|2|unknown column",
        "column twice|host,user,user\\nweb-1,a,b|1|3|named twice",
        "no host column|user\\nroot|1||no host column",
        "too many fields|host,user\\nweb-1,root,extra|2||3 fields",
        "stray quote|host,user\\nweb-1,ro\"ot|2|2|quote inside",
        "text after quote|host,user\\nweb-1,\"root\"x|2|2|after the closing quote",
        "unclosed quote|host,user\\nweb-1,root\\nweb-2,\"root|3|2|never closed",
        "bad devices|host,devices\\nweb-1,\"/dev/sda\u0007\"|2|devices|printable ASCII",
        "bad jump|host,jump\\nweb-1,ops@bastion\\nweb-2,ops@@bastion|3|jump|[user@]host[:port]",
        "jump port|host,jump\\nweb-1,bastion:99999|2|jump|[user@]host[:port]",
        "jump chain|host,jump\\nweb-1,\"a@b,c@d\"|2|jump|chains are not supported",
      })
  void aMistakeNamesItsLineAndColumn(
      String name, String text, int line, String column, String words) {
    assertThatThrownBy(() -> FleetInventory.parse(text.replace("\\n", "\n")))
        .isInstanceOfSatisfying(
            InventoryException.class,
            e -> {
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.column()).isEqualTo(java.util.Optional.ofNullable(column));
              assertThat(e.getMessage())
                  .startsWith(
                      "inventory line " + line + (column == null ? ":" : ", column " + column))
                  .contains(words);
              assertThat(e.parameter()).contains("inventory");
            });
  }

  @Test
  void anEmptyInventoryOrOneWithOnlyAHeaderIsAMistake() {
    assertThatThrownBy(() -> FleetInventory.parse("\n\n"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> FleetInventory.parse("host,user\n"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("no host");
  }

  @Test
  void aFileIsReadAsUtf8AndAMissingOrBinaryFileIsAMistake() throws Exception {
    Path file = Files.writeString(temp.resolve("wave.csv"), "\uFEFFhost,tags\nweb-1,city=Zürich\n");
    assertThat(FleetInventory.read(file).hosts().get(0).tags().asMap())
        .containsEntry("city", "Zürich");

    assertThatThrownBy(() -> FleetInventory.read(temp.resolve("missing.csv")))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("cannot read");
    Path binary = Files.write(temp.resolve("bin.csv"), new byte[] {'h', (byte) 0xff, (byte) 0xfe});
    assertThatThrownBy(() -> FleetInventory.read(binary))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void anyTextGivesAnInventoryOrAnInventoryException() {
    qt().withFixedSeed(SEED)
        .withExamples(BadStrings.EXAMPLES)
        .withTestingTime(BadStrings.BUDGET.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
        .forAll(csvLike())
        .checkAssert(FleetInventoryTest::parsesOrThrowsTheTypedException);
    qt().withFixedSeed(SEED)
        .withExamples(BadStrings.EXAMPLES)
        .forAll(BadStrings.any())
        .checkAssert(FleetInventoryTest::parsesOrThrowsTheTypedException);
  }

  @Test
  void theJumpColumnNamesEachHostsJumpHost() {
    FleetInventory inventory =
        FleetInventory.parse(
            "host,user,jump\n10.20.0.11,ec2-user,ops@bastion-a.example.com\n"
                + "10.30.0.12,admin,[fd00::1]:2222\ndb-1,ec2-user,\n");

    assertThat(inventory.hosts())
        .extracting(h -> h.jump().orElse("-"))
        .containsExactly("ops@bastion-a.example.com", "[fd00::1]:2222", "-");
    // a fleet-wide jump host applies only where the row names none
    assertThat(inventory.hosts().get(0).withDefaultJump("other").jump())
        .contains("ops@bastion-a.example.com");
    assertThat(inventory.hosts().get(2).withDefaultJump("ops@b:22").jump()).contains("ops@b:22");
    assertThat(inventory.hosts().get(2).withDefaultJump("ops@b:22").address()).isEqualTo("db-1");
  }

  @Test
  void writtenHostsAreReadBackAsTheyWere() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(lists().of(integers().between(0, 9999)).ofSizeBetween(1, 20))
        .checkAssert(
            seeds -> {
              List<FleetHost> hosts = new ArrayList<>();
              StringBuilder csv =
                  new StringBuilder("host,port,user,tags,devices,user_provided_id\n");
              for (int i = 0; i < seeds.size(); i++) {
                int s = seeds.get(i);
                FleetHost.Builder b = FleetHost.builder().address("host-" + i + ".example");
                StringBuilder row = new StringBuilder("host-" + i + ".example,");
                if (s % 2 == 0) {
                  b.port(1 + s);
                  row.append(1 + s);
                }
                row.append(',');
                if (s % 3 == 0) {
                  b.user("u" + s);
                  row.append("u").append(s);
                }
                row.append(',');
                if (s % 5 != 0) {
                  b.tags(Tags.builder().add("k" + s, "v=" + s).add("team", "a b").build());
                  row.append("\"k").append(s).append("=v=").append(s).append(";team=a b\"");
                }
                row.append(',');
                if (s % 7 == 0) {
                  b.devices("/dev/sda,/dev/sdb" + s);
                  row.append("\"/dev/sda,/dev/sdb").append(s).append('"');
                }
                row.append(',');
                if (s % 4 == 1) {
                  b.userProvidedId("id \"" + i + "\"");
                  row.append("\"id \"\"").append(i).append("\"\"\"");
                }
                hosts.add(b.build());
                csv.append(row).append(i % 2 == 0 ? "\n" : "\r\n");
              }
              assertThat(FleetInventory.parse(csv.toString()).hosts()).isEqualTo(hosts);
            });
  }

  private static void parsesOrThrowsTheTypedException(String text) {
    try {
      FleetInventory inventory = FleetInventory.parse(text);
      assertThat(inventory.hosts()).isNotEmpty();
    } catch (InventoryException e) {
      assertThat(e.getMessage()).startsWith("inventory");
      assertThat(e.line()).isNotNegative();
    }
  }

  /** A header from the real columns, then rows built from the characters CSV splits on. */
  private static Gen<String> csvLike() {
    List<String> pieces =
        List.of(
            "host",
            "port",
            "user",
            ",",
            ",",
            "\"",
            "\"\"",
            "\n",
            "\r\n",
            "\r",
            ";",
            "=",
            "a=b",
            "web-1",
            "10.0.0.1",
            "22",
            "99999",
            "-1",
            " ",
            "#",
            "/dev/sda",
            "\u0000",
            "é",
            "[::1]",
            "aws:x=y",
            "tags",
            "devices",
            "user_provided_id",
            "identity");
    Gen<String> row =
        lists()
            .of(integers().between(0, pieces.size() - 1).map(pieces::get))
            .ofSizeBetween(0, 30)
            .map(l -> String.join("", l));
    return lists()
        .of(row)
        .ofSizeBetween(0, 6)
        .map(rows -> "host,port,user,tags\n" + String.join("\n", rows));
  }

  @Test
  void aHostShowsAsUserAtAddressPort() {
    assertThat(FleetHost.builder().address("web-1").user("root").port(2222).build())
        .hasToString("root@web-1:2222");
    assertThat(FleetHost.of("web-1")).hasToString("web-1");
  }
}
