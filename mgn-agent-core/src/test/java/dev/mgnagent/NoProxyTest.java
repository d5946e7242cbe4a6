package dev.mgnagent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoProxyTest {

  @Test
  void entriesMatchTheHostAndItsSubdomains() {
    NoProxy noProxy = NoProxy.parse("amazonaws.com, .internal,*.corp.example");

    assertThat(noProxy.bypasses("bucket.vpce-1.s3.us-east-1.vpce.amazonaws.com")).isTrue();
    assertThat(noProxy.bypasses("amazonaws.com")).isTrue();
    assertThat(noProxy.bypasses("mirror.internal")).isTrue();
    assertThat(noProxy.bypasses("a.corp.example")).isTrue();
    assertNotBypassed(noProxy);
  }

  private static void assertNotBypassed(NoProxy noProxy) {
    assertThat(noProxy.bypasses("notamazonaws.com")).isFalse();
    assertThat(noProxy.bypasses("example.org")).isFalse();
  }

  @Test
  void starBypassesEverythingAndEmptyNothing() {
    assertThat(NoProxy.parse("*").bypasses("anything")).isTrue();
    assertThat(NoProxy.parse("").bypasses("anything")).isFalse();
    assertThat(NoProxy.parse(null).bypasses("anything")).isFalse();
  }
}
