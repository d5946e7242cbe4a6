package dev.mgnagent.cli.service;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.mgn.WatchResult;

/** How {@code status --watch} shows a watch: events as they come, then the end. */
interface WatchView extends EventListener {

  /** Shows how the watch ended. */
  void finish(WatchResult result, int exitCode);
}
