package dev.mgnagent.cli.options;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output instead of text. */
public final class JsonOption {

  @Option(
      names = "--json",
      description =
          "Print JSON instead of text: one document, or one"
              + " event per line ending with a result for commands that follow progress.")
  boolean json;

  /** The option as if parsed: {@code --json} given or not (for a command built without picocli). */
  public static JsonOption of(boolean json) {
    JsonOption option = new JsonOption();
    option.json = json;
    return option;
  }

  /** Whether {@code --json} was given. */
  public boolean json() {
    return json;
  }
}
