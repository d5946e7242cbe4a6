package dev.mgnagent.host.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets and options: parsing, defaults found through the given HOME, no secret in text. */
class SshOptionsTest {

  @TempDir Path home;

  @Test
  void targetsParseWithAndWithoutPortAndBracketedAddresses() {
    assertThat(SshTarget.parse("ec2-user@web-1")).isEqualTo(new SshTarget("web-1", 22, "ec2-user"));
    assertThat(SshTarget.parse("root@10.0.0.5:2222"))
        .isEqualTo(new SshTarget("10.0.0.5", 2222, "root"));
    assertThat(SshTarget.parse("admin@[fe80::1]:22022"))
        .isEqualTo(new SshTarget("fe80::1", 22022, "admin"));
    assertThat(new SshTarget("10.0.0.5", 2222, "root").knownHostsName())
        .isEqualTo("[10.0.0.5]:2222");
    assertThat(new SshTarget("web-1", 22, "root").knownHostsName()).isEqualTo("web-1");
  }

  @Test
  void badTargetsAreOneLineRequestErrors() {
    for (String bad :
        new String[] {"web-1", "@web-1", "root@", "root@web-1:port", "root@web-1:0"}) {
      assertThatThrownBy(() -> SshTarget.parse(bad))
          .as(bad)
          .isInstanceOf(InvalidRequestException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void defaultsComeFromTheGivenHomeAndOnlyExistingKeys() throws Exception {
    Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(home.resolve(".ssh/id_rsa"), "key");
    Files.writeString(home.resolve(".ssh/id_ed25519"), "key");

    SshOptions options = SshOptions.builder(Map.of("HOME", home.toString())).build();

    assertThat(options.knownHosts()).isEqualTo(home.resolve(".ssh/known_hosts"));
    assertThat(options.identities())
        .containsExactly(home.resolve(".ssh/id_ed25519"), home.resolve(".ssh/id_rsa"));
    assertThat(options.acceptNewHostKeys()).isFalse();
    assertThat(options.sudo()).isEqualTo(SudoMode.NONE);
  }

  @Test
  void withoutHomeTheKnownHostsFileMustBeGiven() {
    assertThatThrownBy(() -> SshOptions.builder(Map.of()).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("known_hosts");
  }

  @Test
  void sudoWithAPasswordNeedsOneAndNoSecretIsShown() {
    assertThatThrownBy(
            () ->
                SshOptions.builder(Map.of())
                    .knownHosts(home.resolve("kh"))
                    .sudo(SudoMode.WITH_PASSWORD)
                    .build())
        .isInstanceOf(InvalidRequestException.class);
    SshOptions options =
        SshOptions.builder(Map.of())
            .knownHosts(home.resolve("kh"))
            .password(Secret.of("login-canary"))
            .sudo(SudoMode.WITH_PASSWORD)
            .sudoPassword(Secret.of("sudo-canary"))
            .build();
    assertThat(options.toString()).doesNotContain("canary").contains("****");
  }
}
