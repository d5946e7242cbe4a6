package dev.mgnagent.testkit.installer;

/**
 * How the {@link FakeInstaller} asks for the secret access key and the session token. The region
 * and key ID are always asked on stdout, as Python's {@code input()} does. The real installer's
 * secret reader is not documented (observed transcripts show the secret masked with asterisks on a
 * terminal), so both readers are offered.
 */
public enum PromptMode {
  /**
   * As Python's {@code getpass.getpass}: on a terminal, the prompt on {@code /dev/tty} and the
   * answer read there without echo; without one, a warning and then the prompt on stderr, and the
   * answer read from stdin. The only mode of the {@code .py} flavor, and the binary's default.
   */
  GETPASS,
  /**
   * A masking reader: the prompt on stdout; on a terminal, the answer read without echo and shown
   * as asterisks; without one, the answer read from stdin.
   */
  MASKED_ON_STDOUT
}
