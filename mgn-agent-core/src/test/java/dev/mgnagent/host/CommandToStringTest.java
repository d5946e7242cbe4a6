package dev.mgnagent.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Command.toString never shows a value given after, or attached to, a secret-looking flag. */
class CommandToStringTest {

  @Test
  void valuesOfSecretLookingFlagsAreMasked() {
    Command command =
        Command.of(
            "/tmp/aws-replication-installer-init",
            "--region",
            "eu-west-3",
            "--aws-secret-access-key",
            "wJalrXUtnFEMI/K7MDENG",
            "--aws-session-token=FwoGZXIvYXdz",
            "--password",
            "hunter2",
            "--devices",
            "/dev/sda");

    assertThat(command.toString())
        .isEqualTo(
            "Command[/tmp/aws-replication-installer-init, --region, eu-west-3,"
                + " --aws-secret-access-key, ****, --aws-session-token=****, --password, ****,"
                + " --devices, /dev/sda]");
  }

  @Test
  void aSecretFlagAtTheEndMasksNothingElse() {
    assertThat(Command.of("prog", "--token").withNewSession(true).toString())
        .isEqualTo("Command[prog, --token] (new session)");
  }
}
