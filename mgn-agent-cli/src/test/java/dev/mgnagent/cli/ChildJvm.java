package dev.mgnagent.cli;

import java.nio.file.Path;

/** The JVM that jar tests start the CLI with: this one's, with the C1 compiler alone. */
public final class ChildJvm {

  /**
   * A CLI run in a test is short and runs much code once: the optimizing compiler would cost more
   * CPU than it gives back, and the suite runs many of them on two cores.
   */
  public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  private ChildJvm() {}

  /** The {@code java} program of the JVM running the tests. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
