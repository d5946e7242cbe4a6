package dev.mgnagent.installer;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;

/**
 * mgn-agent answered one of the installer's prompts on its stdin.
 *
 * @param prompt the prompt, such as {@code AWS Secret Access Key:}
 * @param answer what was typed, {@code ****} for secrets
 */
public record InstallerPromptAnswered(String prompt, String answer) implements MgnAgentEvent {

  public InstallerPromptAnswered {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(answer, "answer");
  }
}
