package dev.mgnagent.host.internal;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.RunningCommand;
import java.io.IOException;

/** Runs commands on this machine. */
public final class LocalCommandRunner implements CommandRunner {

  @Override
  public RunningCommand start(Command command) throws IOException {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
