package dev.mgnagent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.255.255.254",
        "127.0.0.001",
        "localhost",
        "LOCALHOST",
        "::1",
        "[::1]",
        "0:0:0:0:0:0:0:1",
        "::0:1"
      })
  void loopbackSpellingsAreRecognised(String host) {
    assertThat(Loopback.isLoopbackHost(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "128.0.0.1",
        "127.0.0",
        "127.0.0.1.nip.io",
        "127.0.0.256",
        "localhost.example",
        "::2",
        "::",
        "1::1",
        "0.0.0.0",
        "",
        "10.1.2.3",
        "fe80::1"
      })
  void everythingElseIsNotLoopback(String host) {
    assertThat(Loopback.isLoopbackHost(host)).isFalse();
  }
}
