package dev.mgnagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link ProxySetting}: the https_proxy forms operators write, MGN's documented one included. */
class ProxySettingTest {

  @Test
  void anHttpsSchemeIsReadAsAnHttpConnectProxyWithANote() {
    ProxySetting setting = ProxySetting.parse("https://proxy.example:3128/");

    assertThat(setting).isEqualTo(new ProxySetting("proxy.example", 3128));
    assertThat(ProxySetting.parse("https://proxy.example").port()).isEqualTo(443);
    assertThat(ProxySetting.note("https://proxy.example:3128/"))
        .hasValueSatisfying(
            note -> {
              assertThat(note).contains("HTTP CONNECT").doesNotContain("\n");
            });
    assertThat(ProxySetting.note("http://proxy.example:3128")).isEmpty();
    assertThat(ProxySetting.parse("proxy.example:3128"))
        .isEqualTo(new ProxySetting("proxy.example", 3128));
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> ProxySetting.parse("socks5://proxy.example:1080"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("only http://");
  }
}
