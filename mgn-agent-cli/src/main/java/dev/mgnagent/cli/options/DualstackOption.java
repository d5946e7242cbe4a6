package dev.mgnagent.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code --dualstack}, the installer's spelling, with {@code --dual-stack} accepted as a hidden
 * alias; messages name the spelling the user typed.
 */
public final class DualstackOption {

  @Option(names = "--dualstack", description = "Dual-stack (IPv4 and IPv6) endpoints.")
  boolean dualstack;

  @Option(names = "--dual-stack", hidden = true, description = "Alias of --dualstack.")
  boolean dualStackAlias;

  /** Whether either spelling was given. */
  public boolean dualstack() {
    return dualstack || dualStackAlias;
  }

  /** The spelling given ({@code --dual-stack} only when the alias alone was typed). */
  public String flag() {
    return dualStackAlias && !dualstack ? "--dual-stack" : "--dualstack";
  }
}
