package dev.mgnagent.installer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestTextTest {

  private static final String HEX = "ab".repeat(64);

  @Test
  void bareDigestWithNewline() {
    assertThat(DigestText.parse(HEX + "\n")).contains(HEX);
  }

  @Test
  void digestFollowedByAFileNameAsSha512sumWritesIt() {
    assertThat(DigestText.parse(HEX + "  aws-replication-installer-init\n")).contains(HEX);
  }

  @Test
  void upperCaseIsAcceptedAndLowered() {
    assertThat(DigestText.parse("  " + HEX.toUpperCase() + "\r\n")).contains(HEX);
  }

  @Test
  void wrongLengthOrNonHexIsRefused() {
    assertThat(DigestText.parse(HEX.substring(2))).isEmpty();
    assertThat(DigestText.parse("zz" + HEX.substring(2))).isEmpty();
    assertThat(DigestText.parse("<Error><Code>AccessDenied</Code></Error>")).isEmpty();
    assertThat(DigestText.parse("")).isEmpty();
  }
}
